export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
export const ms = (value: number) => `${value} ms`
export const perSecond = (value: number) => value.toFixed(0)
