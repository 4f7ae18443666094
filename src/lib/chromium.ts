/**
 * Debian's Chromium as the browser tests and the benchmark run it: headless, and with nothing
 * of its own reaching out to the network (this machine has none; the calls fail by the dozen).
 */
export const chromiumPath = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium'

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
