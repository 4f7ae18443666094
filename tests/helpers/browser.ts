import { existsSync } from 'node:fs'

import { chromium, type Browser } from 'playwright-core'

import { chromiumFlags, chromiumPath as executablePath } from '@/lib/chromium'

export const launchBrowser = (): Promise<Browser> => {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`)
  }
  return chromium.launch({
    executablePath,
    args: chromiumFlags,
  })
}
