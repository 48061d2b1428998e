import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

type Label = string | RegExp;

/** The open dropdown's first option with this label. */
export const dropdownOption = (page: Page, label: Label) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first();

/**
 * Clicks an option of the open dropdown until `took()` says the choice took, as a user picks again. On a busy
 * machine a click while the list is still opening, or while a search's answer replaces its options, picks nothing
 * and leaves the list open.
 */
export async function pickOption(page: Page, label: Label, took: () => Promise<boolean>): Promise<void> {
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

/** A select that shows its choice (a multiple select: as a tag): the choice took once its text holds the label. */
export const shows = (select: Locator, label: Label) => async () => {
  const text = (await select.textContent({ timeout: 2_000 })) ?? '';
  return typeof label === 'string' ? text.includes(label) : label.test(text);
};

/**
 * The select around a form field, e.g. `#user-create_roleId` (antd gives the id to the select's input), in `within`
 * (the field's selector is matched inside the select, so it cannot name the form).
 */
export const selectAround = (page: Page, field: string, within: Page | Locator = page) =>
  within.locator('.ant-select', { has: page.locator(field) });

/**
 * The option with this label in the list `select` opened, not in the list another select just closed, which may
 * still be fading out and hold the same label. Before `select` names its list, any open list's.
 */
async function optionOf(page: Page, select: Locator, label: Label): Promise<Locator> {
  const list = await select
    .locator('input')
    .first()
    .getAttribute('aria-controls', { timeout: 2_000 })
    .catch(() => null);
  if (!list) return dropdownOption(page, label);
  return page
    .locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) })
    .locator('.ant-select-item-option', { hasText: label })
    .first();
}

/**
 * Opens `select` (its root, e.g. its test id), types `search` into it if given, and clicks the option until `took()`
 * says the choice took (by default: the select shows the label). Unlike `pickOption` it also picks again after a
 * click that closed the list without the choice, or took the option a search's answer had just put under the
 * pointer: while the list is closed the select is opened again, and the search typed again if it was cleared.
 */
export async function choose(
  page: Page,
  select: Locator,
  label: Label,
  options: { search?: string; took?: () => Promise<boolean> } = {},
): Promise<void> {
  const took = options.took ?? shows(select, label);
  const { search } = options;
  await expect
    .poll(async () => {
      if (await took()) return true;
      const open = /\bant-select-open\b/.test((await select.getAttribute('class', { timeout: 2_000 })) ?? '');
      if (!open) await select.click({ timeout: 2_000 }).catch(() => undefined);
      if (search !== undefined) {
        const input = select.locator('input').first();
        if ((await input.inputValue({ timeout: 2_000 }).catch(() => search)) !== search)
          await input.fill(search, { timeout: 2_000 }).catch(() => undefined);
      }
      await (await optionOf(page, select, label)).click({ timeout: 2_000 }).catch(() => undefined);
      return took();
    })
    .toBe(true);
}
