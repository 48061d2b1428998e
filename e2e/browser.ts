import { type Browser, type BrowserServer, chromium, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, headless; no browser download. */
const launchOptions = (): LaunchOptions => ({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});

/** A browser of this process's own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A browser the test files of a run connect to (global-setup.ts), instead of each starting one. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}

/**
 * A connection to the run's browser: its contexts are this connection's own, and closing it closes them
 * and leaves the browser running for the next test file.
 */
export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
