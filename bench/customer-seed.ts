import type { Db } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';

/**
 * N generated forwarder customers, each with one contact, written by set-based SQL in the shape
 * the application writes them (normalised name key, pinyin, initials and search text), so the
 * search indexes see realistic data: 20 port cities × 1,600 two-character brands × 12 trades,
 * English names, unique codes and phones, contacts with common Chinese names.
 */
const cities = [
  ['上海', 'shanghai', 'sh'],
  ['宁波', 'ningbo', 'nb'],
  ['深圳', 'shenzhen', 'sz'],
  ['广州', 'guangzhou', 'gz'],
  ['青岛', 'qingdao', 'qd'],
  ['天津', 'tianjin', 'tj'],
  ['厦门', 'xiamen', 'xm'],
  ['大连', 'dalian', 'dl'],
  ['苏州', 'suzhou', 'sz'],
  ['义乌', 'yiwu', 'yw'],
  ['杭州', 'hangzhou', 'hz'],
  ['南京', 'nanjing', 'nj'],
  ['武汉', 'wuhan', 'wh'],
  ['重庆', 'chongqing', 'cq'],
  ['成都', 'chengdu', 'cd'],
  ['郑州', 'zhengzhou', 'zz'],
  ['东莞', 'dongguan', 'dg'],
  ['佛山', 'foshan', 'fs'],
  ['无锡', 'wuxi', 'wx'],
  ['烟台', 'yantai', 'yt'],
];
const brandChars = [
  ['华', 'hua'],
  ['通', 'tong'],
  ['远', 'yuan'],
  ['洋', 'yang'],
  ['恒', 'heng'],
  ['达', 'da'],
  ['宏', 'hong'],
  ['金', 'jin'],
  ['桥', 'qiao'],
  ['东', 'dong'],
  ['方', 'fang'],
  ['中', 'zhong'],
  ['联', 'lian'],
  ['海', 'hai'],
  ['丰', 'feng'],
  ['顺', 'shun'],
  ['安', 'an'],
  ['信', 'xin'],
  ['盛', 'sheng'],
  ['泰', 'tai'],
  ['德', 'de'],
  ['隆', 'long'],
  ['鑫', 'xin'],
  ['源', 'yuan'],
  ['祥', 'xiang'],
  ['瑞', 'rui'],
  ['嘉', 'jia'],
  ['明', 'ming'],
  ['新', 'xin'],
  ['宇', 'yu'],
  ['天', 'tian'],
  ['星', 'xing'],
  ['光', 'guang'],
  ['辉', 'hui'],
  ['利', 'li'],
  ['和', 'he'],
  ['兴', 'xing'],
  ['佳', 'jia'],
  ['永', 'yong'],
  ['正', 'zheng'],
];
const trades = [
  ['国际物流', 'guojiwuliu', 'gjwl', 'International Logistics'],
  ['货运代理', 'huoyundaili', 'hydl', 'Freight Forwarding'],
  ['供应链', 'gongyinglian', 'gyl', 'Supply Chain'],
  ['电子', 'dianzi', 'dz', 'Electronics'],
  ['贸易', 'maoyi', 'my', 'Trading'],
  ['进出口', 'jinchukou', 'jck', 'Import Export'],
  ['机械', 'jixie', 'jx', 'Machinery'],
  ['纺织', 'fangzhi', 'fz', 'Textile'],
  ['化工', 'huagong', 'hg', 'Chemical'],
  ['家具', 'jiaju', 'jj', 'Furniture'],
  ['科技', 'keji', 'kj', 'Technology'],
  ['实业', 'shiye', 'sy', 'Industrial'],
];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '海燕',
  '志强',
];

const column = (rows: string[][], i: number) => sql.raw(`array[${rows.map((r) => `'${r[i]}'`).join(',')}]`);
const list = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`);

export async function seedCustomers(db: Db, orgId: string, ownerIds: string[], count: number): Promise<void> {
  await db.execute(sql`alter table customers disable trigger user`);
  await db.execute(sql`alter table contacts disable trigger user`);
  const owners = sql.raw(`array[${ownerIds.map((id) => `'${id}'::uuid`).join(',')}]`);
  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into customers (org_id, code, name, name_en, name_key, name_en_key, name_pinyin, search_text, phone,
                             status, owner_id, trade_profile, billing, country, owner_since)
      select ${orgId}, code, zh || '有限公司', en || ' Co., Ltd.', zh, lower(en), py,
             lower(code) || ' | ' || zh || '有限公司 | ' || zh || ' | ' || py || ' | ' || initials || ' | '
               || lower(replace(en, ' ', '')) || 'coltd | ' || lower(en) || ' | ' || substr(phone, 4) || ' | ' || phone,
             phone, (array['prospect','active','active','inactive'])[1 + g % 4],
             (${owners})[1 + g % ${ownerIds.length}], '{"commodities":[],"preferredModes":[]}'::jsonb, '{}'::jsonb,
             'CN', now()
        from generate_series(${from}::int, ${to}::int) g,
             lateral (select 1 + g % 20 as c, 1 + (g * 37) % 40 as b1, 1 + (g / 7 * 53) % 40 as b2, 1 + (g / 3) % 12 as t) pick,
             lateral (select 'C' || lpad(g::text, 7, '0') as code,
                             '+8621' || lpad(g::text, 8, '0') as phone,
                             (${column(cities, 0)})[c] || (${column(brandChars, 0)})[b1] || (${column(brandChars, 0)})[b2] || (${column(trades, 0)})[t] as zh,
                             (${column(cities, 1)})[c] || (${column(brandChars, 1)})[b1] || (${column(brandChars, 1)})[b2] || (${column(trades, 1)})[t] as py,
                             (${column(cities, 2)})[c] || left((${column(brandChars, 1)})[b1], 1) || left((${column(brandChars, 1)})[b2], 1) || (${column(trades, 2)})[t] as initials,
                             initcap((${column(cities, 1)})[c]) || ' ' || initcap((${column(brandChars, 1)})[b1] || (${column(brandChars, 1)})[b2]) || ' ' || (${column(trades, 3)})[t] as en) names`);
    await db.execute(sql`
      insert into contacts (org_id, customer_id, name, phones, emails, is_primary, search_text, personal_search_text)
      select org_id, id, name, array[phone], array[email], true,
             name, phone || ' | ' || substr(phone, 4) || ' | ' || email
        from (select org_id, id, code,
                     (${list(surnames)})[1 + (substr(code, 2)::int * 7) % 20] || (${list(givenNames)})[1 + (substr(code, 2)::int / 20) % 20] as name,
                     '+86139' || lpad(substr(code, 2), 8, '0') as phone,
                     'sales' || substr(code, 2) || '@example.com' as email
                from customers
               where org_id = ${orgId} and code between ${`C${String(from).padStart(7, '0')}`} and ${`C${String(to).padStart(7, '0')}`}) c`);
  }
  await db.execute(sql`alter table contacts enable trigger user`);
  // The contacts went in without their triggers: fold their search texts onto the customers in one
  // pass, then write every customer's search keys in another.
  await db.execute(sql`select berth_fold_all_contact_search()`);
  await db.execute(sql`alter table customers enable trigger user`);
  await db.execute(sql`select berth_rebuild_customer_search_keys()`);
  await db.execute(sql`vacuum analyze customer_search_keys`);
  await db.execute(sql`vacuum analyze customers`);
  // As an import does (run-import.ts): an unvacuumed GIN pending list is scanned whole by every search.
  await db.execute(sql`vacuum analyze contacts`);
}
