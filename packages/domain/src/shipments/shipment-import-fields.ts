import { TZDate } from '@date-fns/tz';
import { checkCreditCode } from '../customers/credit-code';
import { foldHeader, parseBooleanWord, parseDateWord, suggestMapping } from '../imports/import-values';
import type { PartyRole } from './shipment-schemas';

/**
 * The columns a shipment import understands (one row per shipment), with the headers Chinese and English
 * spreadsheets use for them. The first label of each heads the template's column.
 */
export const shipmentImportFields = {
  externalId: ['业务编号', '工作单号', '外部编号', '系统编号', 'external id', 'job no', 'job number', 'reference'],
  source: ['数据来源', '来源系统', 'source', 'source system'],
  mode: ['运输方式', '运输类型', '模式', 'mode', 'transport mode'],
  status: ['状态', '货物状态', 'status'],
  bookingNumber: ['订舱号', '订舱编号', 'booking no', 'booking number', 'booking'],
  masterBl: ['主提单号', 'MBL', '主单号', 'master b/l', 'master bl', 'mawb'],
  houseBl: ['分提单号', 'HBL', '分单号', 'house b/l', 'house bl', 'hawb'],
  containers: ['箱号箱型', '集装箱', '箱号', 'containers', 'container', 'container no'],
  customerCode: ['客户编码', '委托客户编码', '客户编号', '委托客户编号', 'customer code', 'customer no'],
  customerCreditCode: ['统一社会信用代码', '客户信用代码', 'credit code', 'customer credit code', 'uscc'],
  customerName: ['委托客户', '客户名称', '客户', 'customer', 'customer name', 'booking customer'],
  shipper: ['发货人', '托运人', 'shipper'],
  consignee: ['收货人', 'consignee'],
  notifyParty: ['通知人', 'notify party', 'notify'],
  overseasAgent: ['海外代理', '目的港代理', '代理', 'overseas agent', 'agent'],
  carrierParty: ['承运人客户', '船公司客户', 'carrier account', 'carrier party'],
  carrier: ['船公司', '承运人', '航空公司', 'carrier', 'airline', 'shipping line'],
  vessel: ['船名', 'vessel'],
  voyage: ['航次', 'voyage'],
  flightNumber: ['航班号', 'flight', 'flight no'],
  pol: ['起运港', '装货港', 'POL', 'port of loading'],
  pod: ['目的港', '卸货港', 'POD', 'port of discharge'],
  placeOfReceipt: ['收货地', 'place of receipt'],
  placeOfDelivery: ['交货地', '目的地', 'place of delivery'],
  etd: ['预计开船', '预计离港', 'ETD'],
  eta: ['预计到港', '预计到达', 'ETA'],
  atd: ['实际开船', '实际离港', 'ATD'],
  ata: ['实际到港', '实际到达', 'ATA'],
  packages: ['件数', 'packages', 'pkgs', 'pieces'],
  grossWeightKg: ['毛重(KG)', '毛重', 'gross weight', 'gross weight kg', 'gw'],
  volumeCbm: ['体积(CBM)', '体积', '方数', 'volume', 'cbm'],
  chargeableWeightKg: ['计费重(KG)', '计费重', 'chargeable weight', 'cw'],
  commodity: ['品名', '货物', '货名', 'commodity', 'goods'],
  hsCode: ['HS编码', '海关编码', '商品编码', 'hs code', 'hs'],
  incoterm: ['贸易条款', '成交方式', 'incoterm', 'incoterms', 'terms'],
  revenueAmount: ['收入', '应收金额', '营收', 'revenue', 'revenue amount'],
  revenueCurrency: ['收入币种', '应收币种', 'revenue currency'],
  costAmount: ['成本', '应付金额', 'cost', 'cost amount'],
  costCurrency: ['成本币种', '应付币种', 'cost currency'],
  onTime: ['是否准时', '准时', 'on time'],
  damaged: ['货损', '是否货损', 'damaged'],
  lost: ['货物丢失', '是否丢失', 'lost'],
} as const satisfies Record<string, readonly string[]>;

export type ShipmentImportField = keyof typeof shipmentImportFields;
export const shipmentImportFieldNames = Object.keys(shipmentImportFields) as ShipmentImportField[];

/** Columns that may appear several times (箱号1, 箱号2…): their cells are read as one list. */
export const shipmentRepeatableFields = ['containers'] as const satisfies readonly ShipmentImportField[];
/** A row needs one of these to be found again on the next import (the shipment's key in its source). */
export const shipmentReferenceFields = ['externalId', 'bookingNumber', 'houseBl', 'masterBl'] as const;

/** The party columns: a cell holds the party's customer code, credit code or name. */
const partyColumns = {
  shipper: 'shipper',
  consignee: 'consignee',
  notifyParty: 'notify_party',
  overseasAgent: 'overseas_agent',
  carrierParty: 'carrier',
} as const satisfies Partial<Record<ShipmentImportField, PartyRole>>;

/** Headers matched to fields; a repeated container column (箱号1, 箱号2, Container 3) maps every copy. */
export function suggestShipmentMapping(headers: string[]): Record<string, ShipmentImportField> {
  const mapping: Record<string, ShipmentImportField> = suggestMapping(shipmentImportFields, headers);
  const containerLabels = new Set(['containers', ...shipmentImportFields.containers].map(foldHeader));
  for (const header of headers) {
    const stripped = header.replace(/\s*[#＃]?\s*\d{1,2}\s*$/, '');
    if (mapping[header] || stripped === header) continue;
    if (containerLabels.has(foldHeader(stripped))) mapping[header] = 'containers';
  }
  return mapping;
}

export type ShipmentImportProblemCode =
  | 'import.date_invalid'
  | 'import.boolean_invalid'
  | 'import.number_invalid'
  | 'import.container_invalid'
  | 'import.shipment_reference_required';

export interface ShipmentImportRow {
  /** A batch item as POST /api/shipments/batch takes it; the batch's checks apply to it unchanged. */
  item: Record<string, unknown>;
  problems: { field: ShipmentImportField; code: ShipmentImportProblemCode }[];
}

/**
 * A date or date-time cell as an instant: an Excel serial (with a fraction for the time), 2026-12-01,
 * 2026/12/1 14:30, 2026年12月1日, or an ISO date-time with its offset. A time without an offset is the
 * organisation's local time (`timeZone`); a day alone is its midnight there. Null when unreadable.
 */
export function parseImportInstant(text: string, timeZone: string): string | null {
  const value = text.normalize('NFKC').trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  }
  const serial = /^(\d{1,7})(\.\d+)?$/.exec(value);
  let day: string | null;
  let minutes = 0;
  if (serial) {
    day = parseDateWord(serial[1] as string);
    minutes = serial[2] ? Math.round(Number(`0${serial[2]}`) * 1440) : 0;
  } else {
    const timed = /^(.+?)[T\s]+(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
    day = parseDateWord(timed ? (timed[1] as string) : value);
    if (timed) {
      const [h, m] = [Number(timed[2]), Number(timed[3])];
      if (h > 23 || m > 59) return null;
      minutes = h * 60 + m;
    }
  }
  if (!day) return null;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).getTime()).toISOString();
}

/** A number cell as people write it: 1,234.5 or 1 234,5 is not guessed — thousands commas only. */
function parseNumberWord(text: string): number | null {
  const value = text.normalize('NFKC').trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** An amount cell as a decimal string (never a float): thousands commas dropped. */
function amountWord(text: string): string | null {
  const value = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/** "MSKU1234565 40HQ; TGHU…/20GP" — each entry a container number, its type, and optionally its seal. */
function containerEntries(cell: string): { number: string; type: string; seal?: string }[] | null {
  const entries: { number: string; type: string; seal?: string }[] = [];
  for (const entry of cell.split(/[;；\n|]+/)) {
    const parts = entry
      .normalize('NFKC')
      .trim()
      .split(/[\s,，/×x*]+/i)
      .filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.length < 2) return null;
    const [number, type, seal] = parts as [string, string, string | undefined];
    entries.push(seal ? { number, type, seal } : { number, type });
  }
  return entries;
}

/** A party cell: a valid credit code is matched as one, anything else as the party's name (the duplicate rules). */
function partyReference(role: PartyRole, cell: string): Record<string, string> {
  const value = cell.normalize('NFKC').trim();
  if (checkCreditCode(value).ok) return { role, creditCode: value.toUpperCase() };
  return { role, name: value };
}

/**
 * One spreadsheet row as a shipment batch item, and the cells that could not be read. `source` is the
 * import's (the row's own source column wins); the key is the external id column, else the booking number,
 * else the house or master B/L.
 */
export function shipmentImportRow(
  values: Partial<Record<ShipmentImportField, string>>,
  options: { source: string; timeZone: string },
): ShipmentImportRow {
  const v = (field: ShipmentImportField) => values[field]?.trim() || undefined;
  const problems: ShipmentImportRow['problems'] = [];
  const item: Record<string, unknown> = {
    source: v('source')?.toLowerCase() ?? options.source,
    mode: v('mode')?.normalize('NFKC').toLowerCase() ?? '',
  };
  const externalId = v('externalId') ?? v('bookingNumber') ?? v('houseBl') ?? v('masterBl');
  if (externalId) item.externalId = externalId;
  else problems.push({ field: 'externalId', code: 'import.shipment_reference_required' });
  const status = v('status');
  if (status) item.status = status.toLowerCase().replace(/\s+/g, '_');
  for (const field of [
    'bookingNumber',
    'masterBl',
    'houseBl',
    'carrier',
    'vessel',
    'voyage',
    'flightNumber',
    'commodity',
    'hsCode',
  ] as const) {
    if (v(field)) item[field] = v(field);
  }
  for (const field of ['pol', 'pod', 'placeOfReceipt', 'placeOfDelivery'] as const) {
    const code = v(field);
    if (code) item[field] = code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  }
  const incoterm = v('incoterm');
  if (incoterm) item.incoterm = incoterm.normalize('NFKC').toUpperCase();
  for (const field of ['etd', 'eta', 'atd', 'ata'] as const) {
    const cell = v(field);
    if (!cell) continue;
    const at = parseImportInstant(cell, options.timeZone);
    if (at) item[field] = at;
    else problems.push({ field, code: 'import.date_invalid' });
  }
  for (const field of ['packages', 'grossWeightKg', 'volumeCbm', 'chargeableWeightKg'] as const) {
    const cell = v(field);
    if (!cell) continue;
    const n = parseNumberWord(cell);
    if (n === null) problems.push({ field, code: 'import.number_invalid' });
    else item[field] = n;
  }
  for (const [field, amountField, currencyField] of [
    ['revenue', 'revenueAmount', 'revenueCurrency'],
    ['cost', 'costAmount', 'costCurrency'],
  ] as const) {
    const cell = v(amountField);
    if (!cell) continue;
    const amount = amountWord(cell);
    if (amount === null) problems.push({ field: amountField, code: 'import.number_invalid' });
    else item[field] = { amount, currency: v(currencyField)?.toUpperCase() ?? '' };
  }
  for (const field of ['onTime', 'damaged', 'lost'] as const) {
    const cell = v(field);
    if (!cell) continue;
    const flag = parseBooleanWord(cell);
    if (flag === null) problems.push({ field, code: 'import.boolean_invalid' });
    else item[field] = flag;
  }
  const containers = v('containers');
  if (containers) {
    const entries = containerEntries(containers);
    if (entries) item.containers = entries;
    else problems.push({ field: 'containers', code: 'import.container_invalid' });
  }
  const parties: Record<string, string>[] = [];
  const customerCode = v('customerCode');
  const customerCreditCode = v('customerCreditCode');
  const customerName = v('customerName');
  if (customerCode || customerCreditCode || customerName) {
    const party: Record<string, string> = { role: 'booking_customer' };
    if (customerCode) party.customerCode = customerCode.normalize('NFKC').toUpperCase();
    if (customerCreditCode) party.creditCode = customerCreditCode.normalize('NFKC').toUpperCase();
    if (customerName) party.name = customerName;
    parties.push(party);
  }
  for (const [field, role] of Object.entries(partyColumns) as [ShipmentImportField, PartyRole][]) {
    const cell = v(field);
    if (cell) parties.push(partyReference(role, cell));
  }
  if (parties.length > 0) item.parties = parties;
  return { item, problems };
}

/**
 * The import column an error path of a batch item belongs to: `containers.1.number` → containers,
 * `revenue.currency` → revenueCurrency, `parties.2.name` → the column of that party's role.
 */
export function shipmentImportFieldOfPath(path: string, item: Record<string, unknown>): ShipmentImportField | string {
  const [first = '', second = '', third = ''] = path.split('.');
  if (first === 'revenue' || first === 'cost')
    return `${first}${third === 'currency' || second === 'currency' ? 'Currency' : 'Amount'}`;
  if (first === 'parties') {
    const role = (item.parties as { role?: string }[] | undefined)?.[Number(second)]?.role;
    if (role === 'booking_customer')
      return third === 'creditCode' ? 'customerCreditCode' : third === 'customerCode' ? 'customerCode' : 'customerName';
    const column = (Object.entries(partyColumns) as [string, string][]).find(([, r]) => r === role)?.[0];
    return column ?? 'customerName';
  }
  if (first === 'chargeableWeightKg' && path === first) return first;
  return (shipmentImportFieldNames as readonly string[]).includes(first) ? first : path;
}
