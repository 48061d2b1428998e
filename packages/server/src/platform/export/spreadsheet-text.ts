/**
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so a customer named `=HYPERLINK(…)` would become a live link or command. Such text gets a leading apostrophe
 * and stays text; signed numbers and phone numbers ("+8613800138000", "-12.5") are left as they are.
 */
export function spreadsheetText(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-][\d\s().-]*$/.test(value)) return value;
  return `'${value}`;
}
