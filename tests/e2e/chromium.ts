import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's or Ubuntu's package. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH?.trim()
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is set to ${configured}, which does not exist.`)
    return configured
  }
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null
}

/** Flags for a headless Chromium in a container without network access of its own. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
