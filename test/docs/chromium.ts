// One headless Chromium for the browser tests of a test file, driven by
// playwright-core with Debian's /usr/bin/chromium (CHROMIUM_PATH to use
// another). Without Chromium the tests skip with a message saying how to
// install it, except under CI=true, where they fail: CI installs it.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const INSTALL_HINT =
  'install Chromium to run them (Debian/Ubuntu: `apt-get install -y chromium`), or set CHROMIUM_PATH'

/** `false` when the browser tests can run, else the reason to skip them (outside CI). */
export function skipWithoutChromium(): string | false {
  if (existsSync(CHROMIUM)) return false
  if (process.env.CI === 'true')
    throw new Error(`the browser tests need Chromium at ${CHROMIUM} under CI: ${INSTALL_HINT}`)
  return `no Chromium at ${CHROMIUM}: ${INSTALL_HINT}`
}

// The flags this machine needs: no sandbox as root, no GPU, and no background
// traffic to Google's hosts, which a closed network refuses.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}
