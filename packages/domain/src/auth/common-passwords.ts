/**
 * Words at the top of every leaked-password list. A password whose letters are only one of these, with digits
 * and symbols around them ("Password2024!", "qwerty123456", "P@ssw0rd1"), is the first thing an attacker tries.
 */
const commonWords = new Set([
  'password',
  'passwort',
  'passw',
  'passwd',
  'pass',
  'pw',
  'qwerty',
  'qwert',
  'qwertz',
  'qwertyuiop',
  'azerty',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'qazwsx',
  'qwe',
  'qweasd',
  'qweasdzxc',
  'abc',
  'abcd',
  'abcdef',
  'abcdefg',
  'admin',
  'administrator',
  'root',
  'user',
  'guest',
  'test',
  'login',
  'welcome',
  'letmein',
  'iloveyou',
  'changeme',
  'secret',
  'default',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'shadow',
  'superman',
  'trustno',
  'woaini',
  'aini',
  'berth',
]);

const lookAlikes: Record<string, string> = { '@': 'a', $: 's', '0': 'o', '!': 'i', '1': 'i', '3': 'e' };

/**
 * The letters of a password as typed, and with look-alike symbols inside a word read as letters
 * ("p@$$w0rd" → "password"); digits and symbols around the word are dropped.
 */
function letterSkeletons(password: string): string[] {
  const lower = password.toLowerCase();
  const read = lower.replace(/(?<=[\p{L}@$0!13])[@$0!13](?=[\p{L}@$0!13])/gu, (c) => lookAlikes[c] ?? c);
  return [lower, read].map((text) => text.replace(/[^\p{L}]/gu, ''));
}

/** True for passwords built from one well-known word, or from hardly any distinct characters. */
export function isCommonPassword(password: string): boolean {
  if (new Set(password.toLowerCase()).size < 5) return true;
  return letterSkeletons(password).some((letters) => commonWords.has(letters));
}
