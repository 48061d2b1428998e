import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The open dropdown's first option with this label. */
export const dropdownOption = (page: Page, label: string | RegExp) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();

/**
 * Clicks an option of the open dropdown until `took()` says the choice took, as a user picks again. On a busy
 * machine a click while the list is still opening, or while a search's answer replaces its options, picks nothing
 * and leaves the list open.
 */
export async function pickOption(page: Page, label: string | RegExp, took: () => Promise<boolean>): Promise<void> {
  await expect
    .poll(async () => {
      if (await took()) return true;
      await dropdownOption(page, label)
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return took();
    })
    .toBe(true);
}

/** A select that shows its choice: the choice took once its text holds the label. */
export const shows = (select: Locator, label: string) => async () =>
  ((await select.textContent()) ?? '').includes(label);
