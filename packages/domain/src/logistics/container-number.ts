/**
 * Container numbers, ISO 6346: a three-letter owner code, an equipment category (U freight container, J detachable
 * equipment, Z trailer or chassis, R reefer), a six-digit serial and a check digit over the first ten characters.
 * Example: CSQU3054383.
 */
const SHAPE = /^[A-Z]{3}[UJZR]\d{6}\d$/;

// Letters count from A = 10, skipping 11 and its multiples (so no letter is worth a multiple of 11).
const letterValues = new Map<string, number>();
{
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    letterValues.set(letter, value);
    value += 1;
  }
}

export type ContainerNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'check_digit'; expected: number };

/** Upper-cases and drops spaces, hyphens and slashes people type between the parts (CSQU 305438-3). */
export function normalizeContainerNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-/.]/gu, '')
    .toUpperCase();
}

/** The check digit of the first ten characters (owner code, category, serial). */
export function containerCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const char = firstTen[index] as string;
    const value = letterValues.get(char) ?? Number(char);
    sum += value * 2 ** index;
  }
  return (sum % 11) % 10;
}

export function checkContainerNumber(input: string): ContainerNumberCheck {
  const value = normalizeContainerNumber(input);
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  const expected = containerCheckDigit(value.slice(0, 10));
  if (Number(value[10]) !== expected) return { ok: false, reason: 'check_digit', expected };
  return { ok: true, value };
}

export function isValidContainerNumber(input: string): boolean {
  return checkContainerNumber(input).ok;
}
