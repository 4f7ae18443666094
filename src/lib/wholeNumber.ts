/** A setting from the environment: a whole number, 0 or more; `fallback` when unset or blank. */
export const wholeNumber = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (0 or more), not "${raw}"`)
  return value
}
