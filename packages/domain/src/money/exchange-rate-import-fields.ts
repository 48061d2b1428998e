import { parseDateWord, suggestMapping } from '../imports/import-values';

/** Reads a decimal cell as a string (never a float): thousands commas and spaces dropped. */
function decimalWord(text: string): string | null {
  const value = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/** Exchange rate files: one rate a row, 1 base = rate quote from that day on. */
export const exchangeRateImportFields = {
  base: ['基准币种', '原币', '币种', 'base', 'base currency', 'from'],
  quote: ['报价币种', '目标币种', '本币', 'quote', 'quote currency', 'to'],
  rate: ['汇率', 'rate', 'exchange rate'],
  date: ['日期', '生效日期', 'date', 'effective date', 'valid from'],
} as const satisfies Record<string, readonly string[]>;
export type ExchangeRateImportField = keyof typeof exchangeRateImportFields;
export const exchangeRateImportFieldNames = Object.keys(exchangeRateImportFields) as ExchangeRateImportField[];

export function suggestExchangeRateMapping(headers: string[]): Record<string, ExchangeRateImportField> {
  return suggestMapping(exchangeRateImportFields, headers);
}

/** A rate row as the exchange rate API takes it, or the cell that could not be read. */
export function exchangeRateImportRow(values: Partial<Record<ExchangeRateImportField, string>>): {
  input: Record<string, unknown>;
  problems: { field: ExchangeRateImportField; code: 'import.date_invalid' | 'import.number_invalid' }[];
} {
  const v = (field: ExchangeRateImportField) => values[field]?.normalize('NFKC').trim() ?? '';
  const problems: { field: ExchangeRateImportField; code: 'import.date_invalid' | 'import.number_invalid' }[] = [];
  const input: Record<string, unknown> = { base: v('base').toUpperCase(), quote: v('quote').toUpperCase() };
  const rate = decimalWord(v('rate'));
  if (rate === null) problems.push({ field: 'rate', code: 'import.number_invalid' });
  else input.rate = rate;
  const date = parseDateWord(v('date'));
  if (date === null) problems.push({ field: 'date', code: 'import.date_invalid' });
  else input.date = date;
  return { input, problems };
}
