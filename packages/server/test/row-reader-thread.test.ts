import { describe, expect, it } from 'vitest';
import { customerImporter } from '../src/modules/customers/importers';
import { readImportRow } from '../src/modules/customers/read-customer-row';
import { startRowReaderThread } from '../src/modules/imports/row-reader-thread';

const rows: Record<string, string>[] = [
  {
    name: '上海远航國際貨運代理有限公司',
    nameEn: 'Ocean Forwarding Co., Ltd.',
    creditCode: '91310115MA1H7GXK2L',
    phone: '021-6888 1234',
    email: 'ops@ocean.cn',
    status: '合作中',
    lanes: 'CNSHA-USLAX 整箱; CNNGB-DEHAM LCL',
    commodities: '电子产品, 家具',
    tags: '重点',
    owner: 'rep@example.com',
  },
  { name: '', email: 'not an email', employees: 'many' },
  { name: 'Pacific Cargo', country: '美国', creditLimit: '50000', creditCurrency: 'USD' },
];

describe('row reader thread', () => {
  it('reads rows as the importer reads them on the main thread', async () => {
    const module = customerImporter.rowReaderModule as string;
    const thread = startRowReaderThread(module, {}, 'en');
    try {
      await expect.poll(() => thread.ready, { timeout: 25_000 }).toBe(true);
      const [first, second] = await Promise.all([thread.read(rows), thread.read(rows.slice(1))]);
      const here = rows.map((values) => readImportRow(values, {}, 'en'));
      expect(first).toEqual(here);
      expect(second).toEqual(here.slice(1));
      expect(here[1]?.value).toMatchObject({ input: null });
    } finally {
      await thread.close();
    }
  }, 30_000);

  it('fails its reads once it has ended, so the caller reads the rest itself', async () => {
    const thread = startRowReaderThread(new URL('./no-such-reader.ts', import.meta.url).href, {}, 'en');
    await expect(thread.read(rows)).rejects.toThrow();
    await expect(thread.read(rows)).rejects.toThrow();
    expect(thread.ready).toBe(false);
    await thread.close();
  }, 30_000);
});
