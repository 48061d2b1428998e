import {
  applyEvents,
  chargeableWeightKg,
  containerCheckDigit,
  laneKey,
  type ShipmentStatus,
  type TrackingEvent,
  type TransportMode,
  totalTeu,
} from '@berth/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { type Ctx, fullAccessCtx, inTransaction } from '../../platform/context';
import type { DemoOrganization } from '../../platform/module';
import { customerLaneRef, customerRef } from '../customers';
import { saveExchangeRates } from '../exchange-rates';
import { matchParties } from './party-matching';
import { feedColumns } from './shipment-columns';

/** The same small deterministic random source as the other demo loaders, with its own seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    between: (low: number, high: number) => low + next() * (high - low),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof seeded>;

const hour = 3_600_000;
const day = 24 * hour;
/** The organisation's calendar (UTC+8, no daylight saving): local midnight of a UTC date's day. */
const localMidnight = (utcDay: number) => utcDay - 8 * hour;
const dayOf = (at: number) => Math.floor((at + 8 * hour) / day) * day;

/**
 * Chinese New Year (the first day of the first lunar month) by Gregorian year: factories close from about a week
 * before it until two weeks after, and the weeks before it are a rush to ship first.
 */
const chineseNewYear: Record<number, string> = {
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
};

/** Bookings per month relative to the year's average: peak season July to October, a slow December and spring. */
const monthFactor = [1.0, 0.9, 0.95, 1.0, 1.05, 1.1, 1.35, 1.45, 1.45, 1.25, 1.1, 0.95];

/** How busy a day of departures is (1 = an average day). */
export function seasonFactor(utcDay: number): number {
  const date = new Date(utcDay);
  let factor = monthFactor[date.getUTCMonth()] as number;
  for (const year of [date.getUTCFullYear(), date.getUTCFullYear() + 1]) {
    const cny = chineseNewYear[year];
    if (!cny) continue;
    const offset = Math.round((utcDay - Date.parse(`${cny}T00:00:00Z`)) / day);
    if (offset >= -7 && offset <= 14) factor *= 0.2;
    else if (offset >= -28 && offset < -7) factor *= 1.35;
    else if (offset > 14 && offset <= 24) factor *= 0.7;
  }
  // Golden Week: 1–7 October, the country's factories and customs mostly close.
  if (date.getUTCMonth() === 9 && date.getUTCDate() <= 7) factor *= 0.3;
  // Few departures on Sundays.
  if (date.getUTCDay() === 0) factor *= 0.4;
  return factor;
}

/** Transit days by the destination's region, for sea freight (air takes 2–4 days). */
const seaTransit: Record<string, [number, number]> = {
  USLAX: [14, 18],
  USLGB: [14, 18],
  USNYC: [30, 36],
  DEHAM: [32, 38],
  NLRTM: [30, 35],
  BEANR: [31, 36],
  GBFXT: [30, 36],
  SGSIN: [6, 8],
  JPTYO: [3, 5],
  KRPUS: [2, 4],
  AEJEA: [16, 20],
  AUSYD: [15, 19],
  BRSSZ: [34, 40],
  VNSGN: [5, 7],
  THLCH: [6, 8],
};
/** Ocean freight per FEU in USD by destination (a base before season and haggling). */
const feuRate: Record<string, number> = {
  USLAX: 2600,
  USLGB: 2600,
  USNYC: 3900,
  DEHAM: 2300,
  NLRTM: 2200,
  BEANR: 2250,
  GBFXT: 2400,
  SGSIN: 500,
  JPTYO: 450,
  KRPUS: 350,
  AEJEA: 1500,
  AUSYD: 1400,
  BRSSZ: 3300,
  VNSGN: 400,
  THLCH: 450,
};
const airports: Record<string, string> = { CNSHA: 'CNPVG', CNNGB: 'CNNGB', CNYTN: 'CNSZX', CNNSA: 'CNCAN' };
const airDestinations = ['USLAX', 'USNYC', 'DEFRA', 'NLAMS', 'GBLON', 'SGSIN', 'JPTYO'];

const carriers = [
  { name: 'COSCO SHIPPING', prefix: 'COSU', vessels: ['COSCO SHIPPING ARIES', 'COSCO SHIPPING VIRGO', 'COSCO PRIDE'] },
  { name: 'Maersk', prefix: 'MAEU', vessels: ['MAERSK ESSEN', 'MAERSK EDINBURGH', 'GUNHILDE MAERSK'] },
  { name: 'MSC', prefix: 'MEDU', vessels: ['MSC GULSUN', 'MSC OSCAR', 'MSC ISABELLA'] },
  { name: 'CMA CGM', prefix: 'CMDU', vessels: ['CMA CGM JACQUES SAADE', 'CMA CGM MARCO POLO'] },
  { name: 'Evergreen', prefix: 'EGLV', vessels: ['EVER ACE', 'EVER GIVEN', 'EVER GLORY'] },
  { name: 'OOCL', prefix: 'OOLU', vessels: ['OOCL HONG KONG', 'OOCL GERMANY'] },
  { name: 'Hapag-Lloyd', prefix: 'HLCU', vessels: ['BERLIN EXPRESS', 'HAMBURG EXPRESS'] },
  { name: 'ONE', prefix: 'ONEY', vessels: ['ONE INNOVATION', 'ONE TRIUMPH'] },
];
const airlines = [
  { name: 'China Eastern', code: 'MU', awb: '781' },
  { name: 'Air China Cargo', code: 'CA', awb: '999' },
  { name: 'China Southern', code: 'CZ', awb: '784' },
  { name: 'Cathay Cargo', code: 'CX', awb: '160' },
];
/** Container owners' codes (ISO 6346: three letters and the category U). */
const boxOwners = ['MSKU', 'MSCU', 'CMAU', 'CSNU', 'OOLU', 'EGHU', 'HLXU', 'TGHU', 'TCNU', 'SEGU', 'BMOU', 'FCIU'];
/** Overseas buyers named as consignees; none of them is a customer yet, so they wait in the review queue. */
const overseasConsignees = [
  'Pacific Home Furnishings Inc.',
  'Westcoast Electronics Distribution LLC',
  'Hanseatic Trading GmbH',
  'Rotterdam Retail Supply B.V.',
  'Atlantic Toys Corporation',
  'Midlands Hardware Ltd.',
  'Gulf Star General Trading LLC',
  'Southern Cross Imports Pty Ltd',
  'Sakura Living Co., Ltd.',
  'Saigon Components JSC',
];
const commodities: Record<string, string> = {
  电子: '电子产品',
  家具: '家具',
  纺织: '服装面料',
  机械: '机械设备',
  化工: '化工品（非危）',
  五金: '五金工具',
  汽配: '汽车配件',
  玩具: '玩具',
};
const hsCodes: Record<string, string> = {
  电子: '8517620000',
  家具: '9403609990',
  纺织: '5407520000',
  机械: '8479899990',
  化工: '3824999999',
  五金: '8205590000',
  汽配: '8708999990',
  玩具: '9503008900',
};

function containerNumber(random: Random): string {
  const firstTen = `${random.pick(boxOwners)}${String(random.int(1_000_000)).padStart(6, '0')}`;
  return `${firstTen}${containerCheckDigit(firstTen)}`;
}

/** An air waybill: airline prefix, a seven-digit serial and its check digit (the serial modulo 7). */
function airWaybill(random: Random, prefix: string): string {
  const serial = random.int(10_000_000);
  return `${prefix}-${String(serial).padStart(7, '0')}${serial % 7}`;
}

interface Lane {
  pol: string;
  pod: string;
  mode: TransportMode;
}

interface DemoShipment {
  externalId: string;
  customerId: string;
  consignee: string | null;
  lane: Lane;
  etd: number;
  eta: number;
  values: Record<string, unknown>;
  containers: { number: string; type: string; seal: string }[];
  events: TrackingEvent[];
}

/** The USD/CNY rate of every working day from `from` to `to`: a slow random walk around 7.1–7.3. */
function usdCnyRates(random: Random, from: number, to: number): { date: string; rate: string }[] {
  const rates: { date: string; rate: string }[] = [];
  let rate = 7.18;
  for (let at = from; at <= to; at += day) {
    const weekday = new Date(at).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    rate += (7.17 - rate) * 0.02 + (random.next() - 0.5) * 0.02;
    rate = Math.min(7.35, Math.max(6.95, rate));
    rates.push({ date: new Date(at).toISOString().slice(0, 10), rate: rate.toFixed(4) });
  }
  return rates;
}

/**
 * Two years of the demo forwarder's shipments for its active (and lately lost) customers, with real seasonality:
 * peak season July–October, the Chinese New Year trough (moving with the lunar calendar) after a rush before it,
 * Golden Week; each customer on its own lanes (mostly FCL and LCL, some air), with valid container numbers, revenue
 * and cost in CNY and USD, the dated USD/CNY rates of the whole period, milestones and some exceptions (rolled,
 * customs holds, ETA changes, damage), and a few overseas consignees waiting in the review queue.
 *
 * Written set-based in a few statements (the demo loads in test setups): the tracking state is what the domain's
 * `applyEvents` makes of each shipment's events, exactly as the feed computes it, but without announcing two years
 * of history as new events (no webhooks, notifications or jobs for them).
 */
export async function loadDemoShipments(demo: DemoOrganization): Promise<void> {
  const random = seeded(20261206);
  const ctx = fullAccessCtx(demo.db, demo.orgId, demo.adminId);
  const now = demo.now.getTime();
  const today = dayOf(now);
  const start = today - 730 * day;

  const customers = await demo.db
    .select({ id: customerRef.id, status: customerRef.status, industry: customerRef.industry })
    .from(customerRef)
    .where(and(eq(customerRef.orgId, demo.orgId), inArray(customerRef.status, ['active', 'inactive'])))
    .orderBy(customerRef.code);
  if (customers.length === 0) return;
  const laneRows = await demo.db
    .select({
      customerId: customerLaneRef.customerId,
      pol: customerLaneRef.pol,
      pod: customerLaneRef.pod,
      mode: customerLaneRef.mode,
    })
    .from(customerLaneRef)
    .where(eq(customerLaneRef.orgId, demo.orgId))
    .orderBy(customerLaneRef.customerId, customerLaneRef.position);
  const lanesOf = new Map<string, Lane[]>();
  for (const lane of laneRows) {
    const list = lanesOf.get(lane.customerId) ?? [];
    list.push({ pol: lane.pol, pod: lane.pod, mode: lane.mode as TransportMode });
    lanesOf.set(lane.customerId, list);
  }

  const rates = usdCnyRates(random, start - 10 * day, today);
  // The rate in force on each day (the last one on or before it), for pricing in yuan what was quoted in dollars.
  const rateByDay = new Map<number, number>();
  let current = Number(rates[0]?.rate ?? 7.1);
  const byDate = new Map(rates.map((rate) => [rate.date, Number(rate.rate)]));
  for (let at = start; at <= today + 30 * day; at += day) {
    current = byDate.get(new Date(at).toISOString().slice(0, 10)) ?? current;
    rateByDay.set(at, current);
  }
  const rateOn = (at: number) => rateByDay.get(at) ?? current;

  const season = new Map<number, number>();
  for (let at = start; at <= today + 14 * day; at += day) season.set(at, seasonFactor(at));

  const shipments: DemoShipment[] = [];
  let sequence = 0;
  for (const customer of customers) {
    const lanes: Lane[] = (lanesOf.get(customer.id) ?? [{ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' as const }]).filter(
      (lane) => ['fcl', 'lcl', 'air'].includes(lane.mode),
    );
    if (lanes.length === 0) continue;
    // Some air now and then for customers that ship by sea: samples and urgent parts.
    const seaLane = lanes.find((lane) => lane.mode !== 'air');
    if (seaLane && random.next() < 0.35) {
      lanes.push({ pol: airports[seaLane.pol] ?? 'CNPVG', pod: random.pick(airDestinations), mode: 'air' });
    }
    const weights = lanes.map((lane) => (lane.mode === 'fcl' ? 3 : lane.mode === 'lcl' ? 1.6 : 0.35));
    const weightSum = weights.reduce((sum, w) => sum + w, 0);
    const pickLane = () => {
      let r = random.next() * weightSum;
      for (let i = 0; i < lanes.length; i++) {
        r -= weights[i] as number;
        if (r <= 0) return lanes[i] as Lane;
      }
      return lanes[0] as Lane;
    };
    // A few big shippers, many small ones; some grow, lost customers stopped shipping months ago, some are new.
    const perMonth = 0.1 + random.next() ** 3 * 1.8;
    const growth = random.between(-0.15, 0.35);
    const lostAt = customer.status === 'inactive' ? today - (120 + random.int(240)) * day : Number.POSITIVE_INFINITY;
    const firstAt = random.next() < 0.2 ? start + random.int(540) * day : start;
    const commodityKey = customer.industry ?? '电子';
    const consignees = [random.pick(overseasConsignees), random.pick(overseasConsignees)];

    for (let at = Math.max(start, firstAt); at <= today + 14 * day && at < lostAt; at += day) {
      const yearsIn = (at - start) / (365 * day);
      const expected = (perMonth / 30.4) * (season.get(at) ?? 1) * (1 + growth * yearsIn);
      let count = Math.floor(expected);
      if (random.next() < expected - count) count += 1;
      for (let n = 0; n < count; n++) {
        shipments.push(
          makeShipment(random, {
            sequence: ++sequence,
            customerId: customer.id,
            lane: pickLane(),
            etd: localMidnight(at) + (8 + random.int(12)) * hour,
            now,
            usdCny: rateOn(at),
            commodity: commodities[commodityKey] ?? '电子产品',
            hsCode: hsCodes[commodityKey] ?? '8517620000',
            consignee: random.next() < 0.3 ? random.pick(consignees) : null,
          }),
        );
      }
    }
  }
  shipments.sort((a, b) => a.etd - b.etd);

  await saveExchangeRates(
    ctx,
    rates.map((rate) => ({ base: 'USD', quote: 'CNY', rate: rate.rate, date: rate.date })),
    'import',
  );
  await inTransaction(ctx, async (tx) => {
    await writeShipments(tx, shipments);
  });
}

function makeShipment(
  random: Random,
  input: {
    sequence: number;
    customerId: string;
    lane: Lane;
    etd: number;
    now: number;
    usdCny: number;
    commodity: string;
    hsCode: string;
    consignee: string | null;
  },
): DemoShipment {
  const { lane, etd, now } = input;
  const air = lane.mode === 'air';
  const year = new Date(etd).getUTCFullYear() % 100;
  const externalId = `HG${air ? 'A' : 'S'}${year}${String(input.sequence).padStart(6, '0')}`;
  const [low, high] = air ? [2, 4] : (seaTransit[lane.pod] ?? [20, 30]);
  const transitDays = Math.round(random.between(low, high)) + (lane.mode === 'lcl' ? 3 : 0);
  const eta = etd + transitDays * day + random.int(10) * hour;
  const month = new Date(etd).getUTCMonth();
  const peak = month >= 6 && month <= 9 ? 1.3 : 1;

  // Cargo and its money.
  const containers: DemoShipment['containers'] = [];
  let grossKg: number;
  let cbm: number;
  let revenueUsd: number;
  if (lane.mode === 'fcl') {
    const boxes = 1 + (random.next() < 0.45 ? 0 : random.int(4));
    for (let i = 0; i < boxes; i++) {
      const r = random.next();
      const type = r < 0.5 ? '40HQ' : r < 0.7 ? '40GP' : r < 0.95 ? '20GP' : '20RF';
      containers.push({ number: containerNumber(random), type, seal: `${random.int(9_000_000) + 1_000_000}` });
    }
    const teu = totalTeu(containers.map((c) => c.type)).teu;
    grossKg = Math.round(teu * random.between(5000, 11000));
    cbm = Math.round(teu * random.between(24, 33) * 10) / 10;
    revenueUsd = (feuRate[lane.pod] ?? 2000) * (teu / 2) * peak * random.between(0.85, 1.2) + 180 * boxes;
  } else if (lane.mode === 'lcl') {
    cbm = Math.round(random.between(1, 16) * 10) / 10;
    grossKg = Math.round(cbm * random.between(150, 420));
    revenueUsd = cbm * ((feuRate[lane.pod] ?? 2000) / 45 + 25) * peak * random.between(0.9, 1.2) + 60;
  } else {
    grossKg = Math.round(random.between(80, 2500));
    cbm = Math.round((grossKg / random.between(120, 260)) * 100) / 100;
    const chargeable = chargeableWeightKg('air', { grossKg, cbm }) ?? grossKg;
    revenueUsd = chargeable * random.between(3.2, 5.5) * (peak > 1 ? 1.15 : 1);
  }
  const margin = random.between(0.04, 0.2);
  const costUsd = revenueUsd * (1 - margin);
  // Sea freight is mostly billed in dollars, air and LCL more often in yuan; costs follow what the carrier bills.
  const revenueInUsd = random.next() < (lane.mode === 'fcl' ? 0.7 : 0.35);
  const costInUsd = lane.mode === 'fcl' ? random.next() < 0.85 : random.next() < 0.2;
  const amount = (usd: number, inUsd: boolean) =>
    inUsd ? { amount: usd.toFixed(2), currency: 'USD' } : { amount: (usd * input.usdCny).toFixed(2), currency: 'CNY' };
  const revenue = amount(revenueUsd, revenueInUsd);
  const cost = amount(costUsd, costInUsd);

  // Milestones up to now, and the odd exception.
  const source = 'tms';
  const events: TrackingEvent[] = [];
  let n = 0;
  const event = (type: TrackingEvent['type'], at: number, location: string | null, data?: TrackingEvent['data']) => {
    if (at > now) return false;
    events.push({
      source,
      eventId: `${externalId}-${++n}`,
      type,
      occurredAt: new Date(at).toISOString(),
      location,
      data: data ?? null,
    });
    return true;
  };
  const booked = etd - (5 + random.int(12)) * day;
  event('booked', booked, lane.pol);
  let departure = etd;
  if (!air && random.next() < 0.05) {
    event('rolled', etd - 12 * hour, lane.pol, { reason: '船公司甩柜，改配下一班' });
    departure = etd + 7 * day;
  }
  let arrival = eta + (departure - etd);
  if (random.next() < 0.07) {
    const slipped = arrival + (2 + random.int(5)) * day;
    event('eta_changed', departure + Math.round((arrival - departure) / 2), null, {
      eta: new Date(slipped).toISOString(),
    });
    arrival = slipped;
  } else if (departure !== etd) {
    event('eta_changed', etd, null, { eta: new Date(arrival).toISOString() });
  }
  if (lane.mode === 'fcl') event('gate_in', departure - (2 + random.int(3)) * day, lane.pol);
  event('departed', departure, lane.pol);
  event('arrived', arrival, lane.pod);
  let released = arrival + (1 + random.int(3)) * day;
  if (random.next() < 0.025) {
    event('customs_hold', arrival + 20 * hour, lane.pod, { reason: '海关查验' });
    released += (3 + random.int(6)) * day;
  }
  event('customs_released', released, lane.pod);
  if (random.next() < 0.008) event('damaged', released + 12 * hour, lane.pod, { note: '收货时发现外包装破损' });
  event('delivered', released + (1 + random.int(4)) * day, lane.pod);

  const state = applyEvents(
    { status: 'booked' as ShipmentStatus, eta: new Date(eta).toISOString(), atd: null, ata: null },
    events,
  );
  const slipped = events.find((e) => e.type === 'eta_changed' && typeof e.data?.eta === 'string');
  const delivered = state.status === 'delivered';
  const carrier = air ? random.pick(airlines) : random.pick(carriers);
  const bookingNumber = air
    ? null
    : `${(carrier as (typeof carriers)[number]).prefix.slice(0, 3)}${String(random.int(1e9)).padStart(9, '0')}`;
  return {
    externalId,
    customerId: input.customerId,
    consignee: input.consignee,
    lane,
    etd,
    eta,
    containers,
    events,
    values: {
      mode: lane.mode,
      status: state.status,
      booking_number: bookingNumber,
      master_bl: air
        ? airWaybill(random, (carrier as (typeof airlines)[number]).awb)
        : `${(carrier as (typeof carriers)[number]).prefix}${String(random.int(1e10)).padStart(10, '0')}`,
      house_bl: `HGL${externalId.slice(2)}`,
      pol: lane.pol,
      pod: lane.pod,
      lane_key: laneKey(lane),
      carrier: carrier.name,
      vessel: air ? null : random.pick((carrier as (typeof carriers)[number]).vessels),
      voyage: air ? null : `${String(random.int(200)).padStart(3, '0')}${random.pick(['E', 'W', 'N', 'S'])}`,
      flight_number: air ? `${(carrier as (typeof airlines)[number]).code}${200 + random.int(700)}` : null,
      etd: new Date(etd).toISOString(),
      eta: state.eta,
      atd: state.atd,
      ata: state.ata,
      promised_eta: new Date(eta).toISOString(),
      packages: lane.mode === 'fcl' ? 100 + random.int(1500) : 2 + random.int(80),
      gross_weight_kg: grossKg,
      volume_cbm: cbm,
      chargeable_weight_kg: chargeableWeightKg(lane.mode, { grossKg, cbm }) ?? null,
      teu: totalTeu(containers.map((c) => c.type)).teu,
      commodity: input.commodity,
      hs_code: input.hsCode,
      incoterm: random.pick(['FOB', 'FOB', 'CIF', 'EXW', 'DAP', 'CFR']),
      revenue_amount: revenue.amount,
      revenue_currency: revenue.currency,
      cost_amount: cost.amount,
      cost_currency: cost.currency,
      on_time: delivered && state.ata ? Date.parse(state.ata) <= eta + day : null,
      damaged: state.damaged,
      lost: state.lost,
      customs_hold: state.customsHold,
      rolled: state.rolled,
      last_event_at: state.lastEventAt,
      // Slips in the past were told to the owner then; a new event must not tell them again.
      delay_notified_at: slipped ? slipped.occurredAt : null,
      created_at: new Date(Math.min(booked, now)).toISOString(),
    },
  };
}

/** The feed's columns and the tracking state the demo computes itself (a feed leaves that to the events). */
const shipmentColumns = {
  ...feedColumns,
  promised_eta: 'timestamptz',
  customs_hold: 'boolean',
  rolled: 'boolean',
  last_event_at: 'timestamptz',
  delay_notified_at: 'timestamptz',
  created_at: 'timestamptz',
} as const;

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Shipments, their containers, parties and events, a few thousand rows per statement. */
async function writeShipments(tx: Ctx, shipments: DemoShipment[]): Promise<void> {
  // The consignees go through the feed's party matching: the overseas ones match no customer and are queued.
  const names = [...new Set(shipments.flatMap((s) => (s.consignee ? [s.consignee] : [])))];
  const { matches } = await matchParties(tx, [names.map((name) => ({ role: 'consignee' as const, name }))]);
  const consigneeOf = new Map(names.map((name, i) => [name, matches[0]?.[i]]));

  const names_ = Object.keys(shipmentColumns) as (keyof typeof shipmentColumns)[];
  const defs = names_.map((name) => `${name} ${shipmentColumns[name]}`).join(', ');
  const ids = new Map<string, string>();
  for (const batch of chunks(shipments, 2000)) {
    const rows = batch.map((s) => ({ ...s.values, external_id: s.externalId, customer_id: s.customerId }));
    const inserted = await queryRows<{ id: string; external_id: string }>(
      tx.db,
      sql`insert into shipments (org_id, source, external_id, updated_at, ${sql.raw(names_.join(', '))})
          select ${tx.orgId}, 'tms', external_id, created_at, ${sql.raw(names_.join(', '))}
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
              as x(${sql.raw(defs)}, external_id text)
          returning id::text, external_id`,
    );
    for (const row of inserted) ids.set(row.external_id, row.id);
  }

  const containers = shipments.flatMap((s) =>
    s.containers.map((c, position) => ({ shipment_id: ids.get(s.externalId), position, ...c })),
  );
  for (const batch of chunks(containers, 5000)) {
    await tx.db.execute(sql`insert into shipment_containers (org_id, shipment_id, position, number, type, seal)
        select ${tx.orgId}, shipment_id, position, number, type, seal
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x(shipment_id uuid, position int, number text, type text, seal text)`);
  }

  const parties = shipments.flatMap((s) => {
    const id = ids.get(s.externalId);
    const own: {
      shipment_id?: string;
      role: string;
      customer_id: string | null;
      unmatched_party_id: string | null;
      name: string | null;
    }[] = [
      { shipment_id: id, role: 'booking_customer', customer_id: s.customerId, unmatched_party_id: null, name: null },
      { shipment_id: id, role: 'shipper', customer_id: s.customerId, unmatched_party_id: null, name: null },
    ];
    const consignee = s.consignee ? consigneeOf.get(s.consignee) : undefined;
    if (s.consignee && consignee) {
      own.push({
        shipment_id: id,
        role: 'consignee',
        customer_id: consignee.customerId,
        unmatched_party_id: consignee.unmatchedPartyId,
        name: s.consignee,
      });
    }
    return own;
  });
  for (const batch of chunks(parties, 5000)) {
    await tx.db.execute(sql`insert into shipment_parties (org_id, shipment_id, role, customer_id, unmatched_party_id, name)
        select ${tx.orgId}, shipment_id, role, customer_id, unmatched_party_id, name
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x(shipment_id uuid, role text, customer_id uuid, unmatched_party_id uuid, name text)`);
  }

  const events = shipments.flatMap((s) =>
    s.events.map((e) => ({
      event_id: e.eventId,
      external_id: s.externalId,
      shipment_id: ids.get(s.externalId),
      type: e.type,
      occurred_at: e.occurredAt,
      location: e.location ?? null,
      data: e.data ?? null,
    })),
  );
  for (const batch of chunks(events, 5000)) {
    await tx.db.execute(sql`insert into shipment_events
          (org_id, source, event_id, shipment_external_id, shipment_id, type, occurred_at, location, data, received_at)
        select ${tx.orgId}, 'tms', event_id, external_id, shipment_id, type, occurred_at, location, data,
               occurred_at + interval '3 minutes'
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            as x(event_id text, external_id text, shipment_id uuid, type text, occurred_at timestamptz,
                 location text, data jsonb)`);
  }
}
