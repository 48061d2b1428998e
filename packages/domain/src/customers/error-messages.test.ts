import { describe, expect, it } from 'vitest';
import { locales } from '../platform/locale';
import { creditCodeErrorCodes } from './credit-code';
import { customerErrors } from './error-messages';
import { normalizePhone } from './phone';
import { checkUnlocode } from './unlocode';

describe('customerErrors', () => {
  it('has a message in every UI language for every code', () => {
    for (const [code, messages] of Object.entries(customerErrors.messages)) {
      expect(code).toMatch(/^(customer|contact|tag)\.[a-z_]+$/);
      for (const locale of locales) expect(messages[locale].trim(), `${code} ${locale}`).not.toBe('');
    }
  });

  it('covers every code the validators return', () => {
    const codeOf = (check: { ok: true } | { ok: false; code: string }) => (check.ok ? undefined : check.code);
    const returned = [
      ...Object.values(creditCodeErrorCodes),
      codeOf(normalizePhone('abc')),
      codeOf(checkUnlocode('X')),
    ];
    for (const code of returned) expect(Object.keys(customerErrors.messages)).toContain(code);
  });
});
