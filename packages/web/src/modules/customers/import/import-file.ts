/** The kinds of file the import reads, for the picker's `accept` and the check before uploading. */
export const importAccept = '.csv,.txt,.tsv,.xlsx';

export function isImportFile(name: string): boolean {
  return /\.(csv|txt|tsv|xlsx)$/i.test(name);
}

export function isSpreadsheet(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** How the detected encoding is shown: the server reads GBK files as GB18030, which includes GBK and GB2312. */
export function encodingLabel(encoding: string): string {
  const key = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'gb18030' || key === 'gbk' || key === 'gb2312') return 'GBK/GB18030';
  if (key === 'utf8') return 'UTF-8';
  if (key === 'utf16le' || key === 'utf16be') return 'UTF-16';
  return encoding.toUpperCase();
}
