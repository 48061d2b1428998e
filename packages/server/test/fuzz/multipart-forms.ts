import fc from 'fast-check';
import { hostileStringArb } from './hostile-values';
import { customerCsv, pdfBytes } from './seed-dataset';

/** A multipart form as plain data, so a failing request can be printed and rebuilt. */
export interface FormSpec {
  fields: [string, string][];
  files: { field: string; name: string; bytes: Buffer }[];
}

export function toFormData(spec: FormSpec): FormData {
  const form = new FormData();
  for (const file of spec.files) form.append(file.field, new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [name, value] of spec.fields) form.append(name, value);
  return form;
}

export function describeForm(spec: FormSpec): string {
  const files = spec.files.map((f) => `${f.field}=@${JSON.stringify(f.name)} (${f.bytes.length} bytes)`);
  const fields = spec.fields.map(([k, v]) => `${k}=${JSON.stringify(v.slice(0, 80))}`);
  return `multipart ${[...files, ...fields].join(' ')}`;
}

/** Upload routes of the API; their forms are not described by a JSON schema in the document. */
export const uploadRoutes: Record<string, 'attachment' | 'import'> = {
  'POST /api/customers/{id}/attachments': 'attachment',
  'POST /api/imports': 'import',
  'POST /api/imports/preview': 'import',
};

const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const contactCsv = '客户名称,姓名,邮箱\n上海远洋国际货运有限公司,张伟,zhang@example.com\n';

const validFiles = {
  attachment: fc.constantFrom(
    { field: 'file', name: 'contract.pdf', bytes: pdfBytes },
    { field: 'file', name: 'logo.png', bytes: pngBytes },
    { field: 'file', name: '说明.txt', bytes: Buffer.from('装箱单 packing list\n') },
  ),
  import: fc.constantFrom(
    { field: 'file', name: 'customers.csv', bytes: Buffer.from(customerCsv) },
    { field: 'file', name: 'contacts.csv', bytes: Buffer.from(contactCsv) },
  ),
};

const validFields = {
  attachment: fc.record(
    {
      kind: fc.constantFrom('business_licence', 'contract', 'other'),
      description: fc.constantFrom('Signed 2024 contract', '营业执照副本'),
    },
    { requiredKeys: [] },
  ),
  import: fc.record(
    {
      entity: fc.constantFrom('customers', 'contacts'),
      policy: fc.constantFrom('skip', 'update', 'create'),
      mapping: fc.constantFrom('{"客户名称":"name"}', '{"客户名称":"name","电话":"phone","国家":"country"}'),
    },
    { requiredKeys: [] },
  ),
};

export function validForm(kind: 'attachment' | 'import'): fc.Arbitrary<FormSpec> {
  return fc
    .tuple(validFiles[kind], validFields[kind])
    .map(([file, fields]) => ({ files: [file], fields: Object.entries(fields) as [string, string][] }));
}

const hostileFileNames = [
  '../../../etc/passwd',
  'nul\u0000.pdf',
  'nul\u0000.csv',
  `${'a'.repeat(2_000)}.pdf`,
  '<script>alert(1)</script>.pdf',
  '\u202Efdp.exe',
  '',
  '😀.csv',
  'CON',
  'customers.xlsx',
  'CUSTOMERS.CSV',
];

const hostileFileContents: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from([0xff, 0xfe, 0x00, 0x00, 0xc3, 0x28, 0xa0, 0xa1]),
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.from('客户名称\nnul\u0000inside\n'),
  Buffer.from('客户名称\u0000,电\uD800话\nx,y\n'),
  Buffer.from(`客户名称\n${'长'.repeat(100_000)}\n`),
  Buffer.from('客户名称,电话\n=HYPERLINK("http://x","y"),+1-1\n'),
  Buffer.from('\uFEFF'),
  Buffer.from('客户名称\n'),
  Buffer.from('"unclosed,quote\n1,2\n'),
  Buffer.from('PK\u0003\u0004garbage-not-a-zip'),
  Buffer.from('%PDF-1.4 truncated'),
];

const broken = (how: string, form: FormSpec) => ({ how, form });

/** Forms broken one way: missing or empty file, hostile names, contents and field values. */
export function brokenForm(kind: 'attachment' | 'import'): fc.Arbitrary<{ how: string; form: FormSpec }> {
  const fieldNames = kind === 'attachment' ? ['kind', 'description'] : ['entity', 'policy', 'mapping'];
  return validForm(kind).chain(
    (valid): fc.Arbitrary<{ how: string; form: FormSpec }> =>
      fc.oneof(
        fc.constant(broken('no file', { ...valid, files: [] })),
        fc
          .tuple(fc.constantFrom(...hostileFileNames), fc.constantFrom(...hostileFileContents))
          .map(([name, bytes]) => ({
            how: `hostile file ${JSON.stringify(name.slice(0, 40))} of ${bytes.length} bytes`,
            form: { ...valid, files: [{ field: 'file', name, bytes }] },
          })),
        fc.constantFrom(...hostileFileContents).map((bytes) => ({
          how: `hostile content (${bytes.length} bytes) in a well-named file`,
          form: { ...valid, files: [{ ...(valid.files[0] as FormSpec['files'][0]), bytes }] },
        })),
        fc
          .tuple(
            fc.constantFrom(...fieldNames),
            fc.oneof(
              hostileStringArb,
              fc.constantFrom('{', '[]', '{"客户名称":"nonexistent"}', '{"a":{"b":1}}', 'null', `${'['.repeat(3000)}`),
            ),
          )
          .map(([name, value]) => ({
            how: `hostile field ${name}`,
            form: {
              ...valid,
              fields: [...valid.fields.filter(([k]) => k !== name), [name, value] as [string, string]],
            },
          })),
        fc.constant(
          broken('file under another field name', {
            ...valid,
            files: valid.files.map((f) => ({ ...f, field: 'document' })),
          }),
        ),
        fc.constant(broken('two files', { ...valid, files: [...valid.files, ...valid.files] })),
      ),
  );
}
