import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../platform/export/content-disposition';
import { cleanFileName, sniffFileType } from './sniff-file-type';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffFileType', () => {
  it.each([
    ['a.pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['a.JPG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a.gif', bytes('GIF89a..'), 'image/gif'],
    ['a.webp', bytes('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['a.tif', bytes([0x49, 0x49, 0x2a, 0x00, 8]), 'image/tiff'],
    [
      'a.docx',
      bytes([0x50, 0x4b, 3, 4], '[Content_Types].xml word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a.xlsx',
      bytes([0x50, 0x4b, 3, 4], '[Content_Types].xml xl/workbook.xml'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['a.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/msword'],
    ['a.xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/vnd.ms-excel'],
    ['a.csv', Buffer.from('名称,电话\r\n远航,1\r\n'), 'text/csv; charset=utf-8'],
    ['a.txt', Buffer.from('hello\tworld\n'), 'text/plain; charset=utf-8'],
    ['no-extension', bytes('%PDF-1.4'), 'application/pdf'],
  ])('recognises %s', (name, content, type) => {
    expect(sniffFileType(content, name)).toEqual({ ok: true, type: expect.objectContaining({ contentType: type }) });
  });

  it.each([
    ['setup.pdf', bytes('MZ\x90\x00'), 'mismatch'],
    ['scan.pdf', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'mismatch'],
    ['setup.exe', bytes('MZ\x90\x00'), 'unsupported'],
    ['archive.zip', bytes([0x50, 0x4b, 3, 4], 'stuff'), 'unsupported'],
    ['fake.docx', bytes([0x50, 0x4b, 3, 4], 'stuff'), 'mismatch'],
    ['readme.txt', bytes('MZ\x00\x00'), 'mismatch'],
    ['page.html', Buffer.from('<html></html>'), 'unsupported'],
    ['image.svg', Buffer.from('<svg/>'), 'unsupported'],
  ])('refuses %s', (name, content, reason) => {
    expect(sniffFileType(content, name)).toEqual({ ok: false, reason });
  });
});

describe('file names', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\x\\合同.pdf')).toBe('合同.pdf');
    expect(cleanFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('%22quoted%22.pdf')).toBe('"quoted".pdf');
  });

  it('writes a Content-Disposition no file name can break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (raw) => {
        const name = cleanFileName(raw);
        const header = contentDisposition('attachment', name);
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/);
        expect(header.match(/filename="([^"]*)"/)?.[1]).not.toMatch(/[\\;%]/);
        const encoded = header.split("filename*=UTF-8''")[1] as string;
        expect(decodeURIComponent(encoded)).toBe(name);
        expect(name).not.toMatch(/[/\\]/);
      }),
    );
  });
});
