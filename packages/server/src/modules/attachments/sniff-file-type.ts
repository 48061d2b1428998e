/**
 * Decides what a file is from its own bytes (magic numbers), and whether its name agrees. The client's
 * Content-Type is never trusted: a program renamed to "licence.pdf" is refused, not stored as a PDF.
 */
export interface FileType {
  /** The canonical content type the file is served with. */
  contentType: string;
  /** File name extensions this type may carry. */
  extensions: readonly string[];
}

const types = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  tiff: { contentType: 'image/tiff', extensions: ['tif', 'tiff'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  doc: { contentType: 'application/msword', extensions: ['doc'] },
  xls: { contentType: 'application/vnd.ms-excel', extensions: ['xls'] },
  txt: { contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  csv: { contentType: 'text/csv; charset=utf-8', extensions: ['csv'] },
} as const satisfies Record<string, FileType>;

export type SniffResult = { ok: true; type: FileType } | { ok: false; reason: 'unsupported' | 'mismatch' };

const startsWith = (bytes: Uint8Array, magic: number[], offset = 0) =>
  bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The binary family the bytes belong to, or null when they carry no known signature. */
function binaryFamily(bytes: Uint8Array): 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' | 'zip' | 'ole' | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return null;
}

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/** Text: no NUL bytes and no control characters other than tab, line breaks, form feed and escape. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const b of sample) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The type of an uploaded file. The bytes decide; the name's extension (when it has one) must be one that type
 * carries. Office Open XML files are zip archives holding `[Content_Types].xml` and `word/` or `xl/`; legacy Office
 * files are OLE compound documents told apart by the extension. Text needs a .txt or .csv name.
 */
export function sniffFileType(bytes: Uint8Array, fileName: string): SniffResult {
  const ext = extensionOf(fileName);
  const family = binaryFamily(bytes);
  const accept = (type: FileType): SniffResult =>
    !ext || type.extensions.includes(ext) ? { ok: true, type } : { ok: false, reason: 'mismatch' };
  switch (family) {
    case 'pdf':
    case 'png':
    case 'jpeg':
    case 'gif':
    case 'webp':
    case 'tiff':
      return accept(types[family]);
    case 'zip': {
      const ooxml = contains(bytes, '[Content_Types].xml');
      if (ooxml && contains(bytes, 'word/')) return accept(types.docx);
      if (ooxml && contains(bytes, 'xl/')) return accept(types.xlsx);
      return { ok: false, reason: ext === 'docx' || ext === 'xlsx' ? 'mismatch' : 'unsupported' };
    }
    case 'ole':
      if (ext === 'doc') return { ok: true, type: types.doc };
      if (ext === 'xls') return { ok: true, type: types.xls };
      return { ok: false, reason: ext ? 'mismatch' : 'unsupported' };
  }
  if (ext === 'txt' || ext === 'csv') {
    return looksLikeText(bytes) ? { ok: true, type: types[ext] } : { ok: false, reason: 'mismatch' };
  }
  const known = Object.values(types).some((t) => (t.extensions as readonly string[]).includes(ext));
  return { ok: false, reason: known ? 'mismatch' : 'unsupported' };
}

/** Types a browser may show in place (images it renders, PDF); everything else is downloaded. */
export function showsInline(contentType: string): boolean {
  return ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(contentType);
}

/**
 * A file name safe to store and show: the last path segment only (no "../", no directories), without control
 * characters, trimmed and at most 200 characters; "file" when nothing is left.
 */
export function cleanFileName(raw: string): string {
  // Browsers send a double quote and line breaks in a multipart file name as %22, %0A and %0D (HTML form encoding).
  const decoded = raw.replace(/%22|%0A|%0D/gi, (code) => decodeURIComponent(code));
  const last = decoded.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const withoutDots = cleaned.replace(/^\.+/, '');
  const name = withoutDots.length > 200 ? withoutDots.slice(withoutDots.length - 200) : withoutDots;
  return name || 'file';
}
