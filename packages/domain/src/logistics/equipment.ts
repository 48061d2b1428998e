import type { Locale } from '../platform/locale';

/**
 * Container types as forwarders write them on bookings, with their ISO 6346 size-type code and length. TEU is
 * length / 20 ft: a 20' is 1, a 40' 2 and a 45' 2.25 (some carriers count a 45' as 2; reports say which rule).
 */
export interface ContainerType {
  code: string;
  isoCode: string;
  lengthFt: 20 | 40 | 45;
  nameZh: string;
  nameEn: string;
  reefer: boolean;
}

const rows: readonly ContainerType[] = [
  { code: '20GP', isoCode: '22G1', lengthFt: 20, nameZh: '20尺普柜', nameEn: "20' dry", reefer: false },
  { code: '40GP', isoCode: '42G1', lengthFt: 40, nameZh: '40尺普柜', nameEn: "40' dry", reefer: false },
  { code: '40HQ', isoCode: '45G1', lengthFt: 40, nameZh: '40尺高柜', nameEn: "40' high cube", reefer: false },
  { code: '45HQ', isoCode: 'L5G1', lengthFt: 45, nameZh: '45尺高柜', nameEn: "45' high cube", reefer: false },
  { code: '20RF', isoCode: '22R1', lengthFt: 20, nameZh: '20尺冷柜', nameEn: "20' reefer", reefer: true },
  { code: '40RF', isoCode: '42R1', lengthFt: 40, nameZh: '40尺冷柜', nameEn: "40' reefer", reefer: true },
  { code: '40RH', isoCode: '45R1', lengthFt: 40, nameZh: '40尺高冷柜', nameEn: "40' high cube reefer", reefer: true },
  { code: '20OT', isoCode: '22U1', lengthFt: 20, nameZh: '20尺开顶柜', nameEn: "20' open top", reefer: false },
  { code: '40OT', isoCode: '42U1', lengthFt: 40, nameZh: '40尺开顶柜', nameEn: "40' open top", reefer: false },
  { code: '20FR', isoCode: '22P1', lengthFt: 20, nameZh: '20尺框架柜', nameEn: "20' flat rack", reefer: false },
  { code: '40FR', isoCode: '42P1', lengthFt: 40, nameZh: '40尺框架柜', nameEn: "40' flat rack", reefer: false },
  { code: '20TK', isoCode: '22T1', lengthFt: 20, nameZh: '20尺罐柜', nameEn: "20' tank", reefer: false },
];

export const containerTypes: readonly ContainerType[] = rows;
export const containerTypeCodes = rows.map((row) => row.code) as readonly string[];

const byCode = new Map<string, ContainerType>();
for (const row of rows) {
  byCode.set(row.code, row);
  byCode.set(row.isoCode, row);
}
// Other spellings seen on bookings and in TMS exports.
const aliases: Record<string, string> = {
  '20DC': '20GP',
  '20DV': '20GP',
  '40DC': '40GP',
  '40DV': '40GP',
  '40HC': '40HQ',
  '45HC': '45HQ',
  '20RE': '20RF',
  '40RE': '40RF',
  '40RQ': '40RH',
  '40HR': '40RH',
};

/** The container type of a code as written (20GP, 22G1, 40HC, 40’HQ…), or undefined. */
export function findContainerType(input: string): ContainerType | undefined {
  const code = input
    .normalize('NFKC')
    .replace(/[\s'’"-]/gu, '')
    .toUpperCase();
  return byCode.get(aliases[code] ?? code);
}

export function teuOf(type: ContainerType): number {
  return type.lengthFt / 20;
}

/** TEU of a list of containers by type code; unknown types count nothing and are listed. */
export function totalTeu(types: readonly string[]): { teu: number; unknown: string[] } {
  let quarterTeus = 0;
  const unknown: string[] = [];
  for (const code of types) {
    const type = findContainerType(code);
    if (type) quarterTeus += type.lengthFt / 5;
    else unknown.push(code);
  }
  // Counted in quarter TEU (5 ft) so sums stay exact.
  return { teu: quarterTeus / 4, unknown };
}

export function containerTypeName(type: ContainerType, locale: Locale): string {
  return locale === 'zh-CN' ? type.nameZh : type.nameEn;
}
