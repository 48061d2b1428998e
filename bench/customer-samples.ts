import { type Db, queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';

/** A seeded customer with its contact: where the benches take ids and search terms from. */
export interface CustomerSample {
  id: string;
  code: string;
  name_key: string;
  name_en: string;
  search_text: string;
  phone: string;
  contact: string;
}

/** `size` seeded customers spread evenly over the codes 1…count (the same ones on every run). */
export function sampleCustomers(db: Db, orgId: string, count: number, size = 200): Promise<CustomerSample[]> {
  return queryRows<CustomerSample>(
    db,
    sql`select c.id, c.code, c.name_key, c.name_en, c.search_text, c.phone, k.name as contact
          from customers c join contacts k on k.org_id = c.org_id and k.customer_id = c.id
         where c.org_id = ${orgId}
           and c.code in (select 'C' || lpad((1 + (g::bigint * ${count}::bigint) / ${size}::bigint)::text, 7, '0')
                            from generate_series(0, ${size}::int - 1) g)`,
  );
}

/** What people type: a brand, city + brand, pinyin, initials, a code, a phone, a contact, common words, nothing. */
export function searchTerm(samples: CustomerSample[], i: number): string {
  const s = samples[(i * 7) % samples.length] as CustomerSample;
  const common = ['上海', 'logistics', '供应链', 'ningbo'];
  switch (i % 9) {
    case 0:
      return s.name_key.slice(2, 4);
    case 1:
      return s.name_key.slice(0, 4);
    case 2:
      return s.name_en.split(' ')[1]?.toLowerCase() ?? s.code;
    case 3:
      return s.search_text.split(' | ')[4] ?? s.code;
    case 4:
      return s.code;
    case 5:
      return s.phone.slice(3);
    case 6:
      return s.contact;
    case 7:
      return common[Math.floor(i / 9) % common.length] as string;
    default:
      return '不存在的公司';
  }
}
