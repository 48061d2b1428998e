import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { E2eServer } from './server-process';

export interface Account {
  email: string;
  password: string;
}

/**
 * The test file's organisation and its administrator: the first-run setup of a server of its own, or
 * another organisation on the shared one.
 */
export async function setUpOrganization(server: E2eServer, organization: string, admin: Account): Promise<void> {
  const setup = await fetch(`${server.url}${server.shared ? '/api/test-organizations' : '/api/setup'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization: { name: organization }, admin: { name: '管理员', ...admin } }),
  });
  expect(setup.status).toBe(201);
}

/** Signs in through the login form and waits for the console. */
export async function signIn(page: Page, server: Pick<E2eServer, 'url'>, who: Account): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.locator('#login_email').fill(who.email);
  await page.locator('#login_password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * A request to the API from the signed-in page, with the session's CSRF token: how a test prepares data
 * or checks what the page showed against what the server answers.
 */
export const pageApi = (
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  page.evaluate(
    async ({ method, path, body, headers }) => {
      const me = await (await fetch('/api/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body, headers },
  );
