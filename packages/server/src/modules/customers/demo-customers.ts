import { type CreateContactInput, createContactInputSchema, createCustomerInputSchema, type Lane } from '@berth/domain';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { fullAccessCtx, inTransaction } from '../../platform/context';
import type { DemoOrganization } from '../../platform/module';
import { newContactValues } from './contact-row';
import { insertCustomersWithClocks } from './import-customers';
import type { InsertedCustomer, NewCustomer } from './insert-customers';
import { contacts as contactsTable } from './tables';
import { bulkTagCustomers, createTag } from './tags';

/** A small deterministic random source, so every demo database looks the same. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const cities = [
  ['上海', 'Shanghai', 'CNSHA'],
  ['宁波', 'Ningbo', 'CNNGB'],
  ['深圳', 'Shenzhen', 'CNYTN'],
  ['广州', 'Guangzhou', 'CNNSA'],
  ['青岛', 'Qingdao', 'CNTAO'],
  ['天津', 'Tianjin', 'CNTXG'],
  ['厦门', 'Xiamen', 'CNXMN'],
  ['大连', 'Dalian', 'CNDLC'],
  ['苏州', 'Suzhou', 'CNSHA'],
  ['义乌', 'Yiwu', 'CNNGB'],
] as const;
const brands = [
  '华通',
  '远洋',
  '恒达',
  '宏远',
  '金桥',
  '东方',
  '中联',
  '海丰',
  '顺达',
  '安信',
  '鸿运',
  '新华',
  '天成',
  '瑞丰',
  '永盛',
  '嘉诚',
  '锦程',
  '环宇',
  '盛世',
  '万通',
];
const brandsEn = [
  'Huatong',
  'Yuanyang',
  'Hengda',
  'Hongyuan',
  'Jinqiao',
  'Dongfang',
  'Zhonglian',
  'Haifeng',
  'Shunda',
  'Anxin',
  'Hongyun',
  'Xinhua',
  'Tiancheng',
  'Ruifeng',
  'Yongsheng',
  'Jiacheng',
  'Jincheng',
  'Huanyu',
  'Shengshi',
  'Wantong',
];
const trades = [
  ['电子', 'Electronics', '电子产品'],
  ['家具', 'Furniture', '家具'],
  ['纺织', 'Textile', '服装面料'],
  ['机械', 'Machinery', '机械设备'],
  ['化工', 'Chemical', '化工品'],
  ['五金', 'Hardware', '五金工具'],
  ['汽配', 'Auto Parts', '汽车配件'],
  ['玩具', 'Toys', '玩具'],
] as const;
/** The HS chapters and special cargo of each trade's goods (chemicals ship as dangerous goods). */
const tradeCargo: Record<string, { hsChapters: string[]; specialCargo: ('dangerous_goods' | 'time_critical')[] }> = {
  电子: { hsChapters: ['85'], specialCargo: ['time_critical'] },
  家具: { hsChapters: ['94'], specialCargo: [] },
  纺织: { hsChapters: ['52', '60'], specialCargo: [] },
  机械: { hsChapters: ['84'], specialCargo: [] },
  化工: { hsChapters: ['29', '38'], specialCargo: ['dangerous_goods'] },
  五金: { hsChapters: ['73', '82'], specialCargo: [] },
  汽配: { hsChapters: ['87'], specialCargo: [] },
  玩具: { hsChapters: ['95'], specialCargo: [] },
};
const suffixes = [
  ['有限公司', 'Co., Ltd.'],
  ['进出口有限公司', 'Import & Export Co., Ltd.'],
  ['实业有限公司', 'Industrial Co., Ltd.'],
  ['科技股份有限公司', 'Technology Co., Ltd.'],
] as const;
const destinations = [
  'USLAX',
  'USLGB',
  'USNYC',
  'DEHAM',
  'NLRTM',
  'BEANR',
  'GBFXT',
  'SGSIN',
  'JPTYO',
  'KRPUS',
  'AEJEA',
  'AUSYD',
  'BRSSZ',
  'VNSGN',
  'THLCH',
];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '杰', '涛', '明', '超', '霞', '平', '刚'];
const mobilePrefixes = ['135', '136', '137', '138', '139', '150', '151', '158', '159', '186', '188', '189'];
const titles = ['物流经理', '采购经理', '总经理', '单证员', '财务主管', '进出口专员'];

/**
 * Customers with contacts, lanes between real ports and tags, owned by the demo sales team; returned in code
 * order. Written as a batch in one transaction, as an import writes its new rows (`insertCustomersWithClocks`:
 * codes, search keys, pool clocks, the audit trigger's entries, `customer.created`), their contacts with the
 * create path's mapping in one insert and the tags as a bulk tag from the list writes them. One by one through
 * the services, the same rows took most of the demo's load time (docs/decisions/0010-test-run-time.md).
 */
export async function loadDemoCustomers(
  db: Db,
  org: { orgId: string; adminId: string },
  owners: { id: string; teamId: string | null }[],
  count = 300,
): Promise<DemoOrganization['customers']> {
  const random = seeded(20261125);
  const mobile = () => `${random.pick(mobilePrefixes)}${String(random.int(100_000_000)).padStart(8, '0')}`;
  const tagNames = [
    ['VIP', 'gold', '价值'],
    ['月结客户', 'green', '结算'],
    ['美线', 'blue', '航线'],
    ['欧线', 'purple', '航线'],
    ['新客户', 'cyan', '阶段'],
    ['流失风险', 'red', '风险'],
  ] as const;
  return inTransaction(fullAccessCtx(db, org.orgId, org.adminId), async (ctx) => {
    const tags = [];
    for (const [name, color, group] of tagNames) tags.push(await createTag(ctx, { name, color, group }));

    // The random draws in the order the demo always made them, so its content stays the same.
    const used = new Set<string>();
    const planned: {
      customer: NewCustomer;
      contacts: Omit<CreateContactInput, 'customerId'>[];
      tagId: string | null;
    }[] = [];
    for (let i = 0; i < count; i++) {
      const [city, cityEn, pol] = random.pick(cities);
      const b = random.int(brands.length);
      const [trade, tradeEn, commodity] = random.pick(trades);
      const [suffix, suffixEn] = random.pick(suffixes);
      const name = `${city}${brands[b]}${trade}${suffix}`;
      if (used.has(name)) continue;
      used.add(name);
      const owner = random.pick(owners);
      const lanes: Lane[] = Array.from({ length: 1 + random.int(3) }, () => ({
        pol,
        pod: random.pick(destinations),
        mode: random.pick(['fcl', 'fcl', 'lcl', 'air'] as const),
        volume: 5 + random.int(200),
        volumeUnit: 'teu' as const,
        volumePeriod: 'month' as const,
      }));
      const input: z.input<typeof createCustomerInputSchema> = {
        name,
        nameEn: `${cityEn} ${brandsEn[b]} ${tradeEn} ${suffixEn}`,
        creditCode: null,
        country: 'CN',
        address: `${city}市${random.pick(['浦东新区', '高新区', '开发区', '保税区', '自贸区'])}${1 + random.int(999)}号`,
        phone: mobile(),
        email: `info@${brandsEn[b]?.toLowerCase()}-${tradeEn.toLowerCase().replace(/\s/g, '')}${i}.cn`,
        industry: trade,
        employees: 20 + random.int(2000),
        annualRevenue: { amount: (1 + random.int(500)) * 1_000_000, currency: 'CNY' },
        roles: [random.pick(['shipper', 'consignee', 'direct_customer'] as const)],
        relationshipType: random.pick(['walk_in', 'long_term', 'long_term', 'affiliated', 'strategic'] as const),
        status: random.pick(['prospect', 'active', 'active', 'active', 'inactive'] as const),
        ownerId: owner.id,
        teamId: owner.teamId,
        tradeProfile: {
          lanes,
          commodities: [commodity],
          ...(tradeCargo[trade] ?? { hsChapters: [], specialCargo: [] }),
          preferredModes: [lanes[0]?.mode ?? 'fcl'],
        },
        billing: {
          settlementType: random.pick(['per_shipment', 'monthly'] as const),
          paymentTermsDays: random.pick([0, 15, 30, 45, 60]),
          creditLimit: { amount: (1 + random.int(50)) * 10_000, currency: 'CNY' },
        },
      };
      // Through the same schemas as the API, so phones are normalised and codes checked.
      const { duplicateConfirmation: _none, ...parsed } = createCustomerInputSchema.parse(input);
      const contacts: Omit<CreateContactInput, 'customerId'>[] = [];
      for (let c = 0; c < 1 + random.int(3); c++) {
        const { customerId: _placeholder, ...contact } = createContactInputSchema.parse({
          customerId: demoPlaceholderId,
          name: `${random.pick(surnames)}${random.pick(givenNames)}`,
          title: random.pick(titles),
          phones: [mobile()],
          emails: [`contact${c}@${input.email?.split('@')[1]}`],
          isPrimary: c === 0,
          marketingConsent: random.next() > 0.5,
        });
        contacts.push(contact);
      }
      const tag = random.pick(tags);
      planned.push({
        customer: { id: uuidv7(), input: parsed, ownerId: owner.id, teamId: owner.teamId },
        contacts,
        tagId: random.next() > 0.4 ? tag.id : null,
      });
    }

    const rows = await insertCustomersWithClocks(
      ctx,
      planned.map((p) => p.customer),
    );
    // Each customer's first contact is its primary one, as the single-contact form makes it. Ids are named here,
    // time-ordered in the demo's order, so that lists sorted by creation show customers and contacts in that order.
    await ctx.db
      .insert(contactsTable)
      .values(
        planned.flatMap((p, i) =>
          p.contacts.map((contact) =>
            newContactValues(ctx, { ...contact, customerId: (rows[i] as InsertedCustomer).id }, uuidv7()),
          ),
        ),
      );
    for (const tag of tags) {
      const customerIds = rows.filter((_, i) => planned[i]?.tagId === tag.id).map((row) => row.id);
      if (customerIds.length > 0) await bulkTagCustomers(ctx, { customerIds, add: [tag.id], remove: [] });
    }
    return rows.map((row) => ({ id: row.id, ownerId: row.ownerId as string, teamId: row.teamId }));
  });
}

/** Stands in for the customer while a contact is checked by the API's schema, before the customer exists. */
const demoPlaceholderId = '00000000-0000-4000-8000-000000000000';
