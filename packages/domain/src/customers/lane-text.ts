import { type TransportMode, transportModes } from '../logistics/lane';
import type { Lane, VolumePeriod } from './customer-schemas';

/**
 * A customer's lane as one line of a spreadsheet cell, as the export writes it and the import reads
 * it: `CNSHA-USLAX FCL 200 TEU/month` in English, `CNSHA-USLAX 整箱 200 TEU/月` in Chinese. Several
 * lanes of one customer are separated by `; `.
 */
type VolumeUnit = NonNullable<Lane['volumeUnit']>;

const modeWords: Record<'zh-CN' | 'en', Record<TransportMode, string>> = {
  'zh-CN': { fcl: '整箱', lcl: '拼箱', air: '空运', rail: '铁路', road: '公路', express: '快递' },
  en: { fcl: 'FCL', lcl: 'LCL', air: 'Air', rail: 'Rail', road: 'Road', express: 'Express' },
};
const unitWords: Record<'zh-CN' | 'en', Record<VolumeUnit, string>> = {
  'zh-CN': { teu: 'TEU', cbm: 'CBM', kg: 'KG', shipments: '票' },
  en: { teu: 'TEU', cbm: 'CBM', kg: 'kg', shipments: 'shipments' },
};
const periodWords: Record<'zh-CN' | 'en', Record<VolumePeriod, string>> = {
  'zh-CN': { month: '月', year: '年' },
  en: { month: 'month', year: 'year' },
};

export function formatLaneText(
  lane: Pick<Lane, 'pol' | 'pod' | 'mode' | 'volume' | 'volumeUnit' | 'volumePeriod'>,
  locale: 'zh-CN' | 'en',
): string {
  const parts = [`${lane.pol}-${lane.pod}`, modeWords[locale][lane.mode as TransportMode] ?? lane.mode];
  if (lane.volume !== null && lane.volume !== undefined) {
    const unit = lane.volumeUnit ? unitWords[locale][lane.volumeUnit as VolumeUnit] : '';
    const period = lane.volumePeriod ? `/${periodWords[locale][lane.volumePeriod]}` : '';
    parts.push(`${lane.volume}${unit ? ` ${unit}` : ''}${period}`);
  }
  return parts.join(' ');
}

const modeByWord = new Map<string, TransportMode>();
for (const mode of transportModes) modeByWord.set(mode, mode);
for (const words of Object.values(modeWords)) {
  for (const [mode, word] of Object.entries(words)) modeByWord.set(word.toLowerCase(), mode as TransportMode);
}
for (const [word, mode] of Object.entries({
  海运整箱: 'fcl',
  海运拼箱: 'lcl',
  航空: 'air',
  陆运: 'road',
  卡车: 'road',
})) {
  modeByWord.set(word, mode as TransportMode);
}

const unitByWord: Record<string, VolumeUnit> = {
  teu: 'teu',
  teus: 'teu',
  cbm: 'cbm',
  立方: 'cbm',
  立方米: 'cbm',
  方: 'cbm',
  m3: 'cbm',
  kg: 'kg',
  kgs: 'kg',
  公斤: 'kg',
  千克: 'kg',
  票: 'shipments',
  shipment: 'shipments',
  shipments: 'shipments',
};
const periodByWord: Record<string, VolumePeriod> = {
  月: 'month',
  每月: 'month',
  month: 'month',
  mo: 'month',
  年: 'year',
  每年: 'year',
  year: 'year',
  yr: 'year',
};

const VOLUME =
  /^([0-9]+(?:\.[0-9]+)?)\s*([a-z0-9\u4e00-\u9fff]*?)\s*(?:(?:\/|每|per\s+|a\s+)\s*([a-z\u4e00-\u9fff]+))?$/i;

export interface LaneText {
  pol: string;
  pod: string;
  /** A known mode, or the word as written (the schema then reports it). */
  mode: string;
  volume?: number | string;
  volumeUnit?: string;
  volumePeriod?: string;
}

/** Reads one lane; what it cannot read is passed on as written, for the lane schema to report on its field. */
export function parseLaneText(text: string): LaneText {
  const trimmed = text.normalize('NFKC').trim();
  const [route = '', ...rest] = trimmed.split(/\s+/);
  const [pol = '', pod = ''] = route.split(/[-–>→]+/);
  let modeWord = rest[0] ?? 'fcl';
  let volumeText = rest.slice(1).join(' ');
  if (/^[0-9]/.test(modeWord)) {
    volumeText = rest.join(' ');
    modeWord = 'fcl';
  }
  const lane: LaneText = { pol, pod, mode: modeByWord.get(modeWord.toLowerCase()) ?? modeWord };
  if (volumeText === '') return lane;
  const match = VOLUME.exec(volumeText);
  if (!match) return { ...lane, volume: volumeText };
  lane.volume = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  if (unit) lane.volumeUnit = unitByWord[unit] ?? unit;
  const period = match[3]?.toLowerCase();
  if (period) lane.volumePeriod = periodByWord[period] ?? period;
  return lane;
}
