import { existsSync } from 'node:fs'

import { chromium, type Browser } from 'playwright-core'

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export const launchBrowser = (): Promise<Browser> => {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
