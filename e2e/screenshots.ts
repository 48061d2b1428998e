/**
 * Regenerates the README's screenshots from the demo forwarder: `npm run screenshots`.
 *
 * Starts the real server on an empty data directory with `--demo`, signs in as the demo sales
 * manager and photographs home, the customer list, a customer's 360 and the board at 1440×900,
 * in Chinese and in English. Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk),
 * otherwise it renders as empty boxes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { freePort, ServerProcess, tempDataDir } from './server-process';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
const demoManager = { email: 'li.manager@demo.berth.local', password: 'Berth-demo-2026' };
const locales = ['zh-CN', 'en'] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lazy pages and their queries show a spinner until their data is there.
  await page.waitForFunction(() => document.querySelector('.ant-spin-spinning') === null, undefined, {
    timeout: 60_000,
  });
  // Charts animate in; wait for the animation to end before taking the picture.
  await page.waitForTimeout(800);
}

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const server = new ServerProcess(await freePort(), tempDataDir());
  // Seeding two years of demo shipments takes a while on a small machine.
  await server.start(['--demo'], 600_000);
  const browser = await launchBrowser();
  try {
    for (const locale of locales) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
      await context.addInitScript((value) => window.localStorage.setItem('berth.locale', value), locale);
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.locator('#login_email').fill(demoManager.email);
      await page.locator('#login_password').fill(demoManager.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-menu').waitFor();
      // The language saved on the account wins over the device's: choose it as a user does, in the user menu.
      await page.getByTestId('user-menu').click();
      await page.getByTestId(`lang-${locale}`).click();
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);

      await shoot(page, `home.${locale}`);

      await page.goto(`${server.url}/customers`);
      const firstCustomer = page.getByTestId('customer-link').first();
      await firstCustomer.waitFor();
      await shoot(page, `customers.${locale}`);

      await firstCustomer.click();
      await page.waitForURL(/\/customers\/[0-9a-f-]{36}/, { waitUntil: 'commit' });
      await shoot(page, `customer-360.${locale}`);

      await page.goto(`${server.url}/opportunities`);
      await shoot(page, `board.${locale}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.dispose();
  }
}

await main();
