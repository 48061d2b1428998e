import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transportModes } from '../logistics/lane';
import { volumePeriods, volumeUnits } from './customer-schemas';
import { formatLaneText, parseLaneText } from './lane-text';

describe('lane text', () => {
  it('reads a lane with its volume and period, in Chinese or English', () => {
    expect(parseLaneText('CNSHA-USLAX 整箱 200 TEU/月')).toEqual({
      pol: 'CNSHA',
      pod: 'USLAX',
      mode: 'fcl',
      volume: 200,
      volumeUnit: 'teu',
      volumePeriod: 'month',
    });
    expect(parseLaneText('CNNGB-DEHAM LCL 1200cbm per year')).toMatchObject({
      mode: 'lcl',
      volume: 1200,
      volumeUnit: 'cbm',
      volumePeriod: 'year',
    });
    expect(parseLaneText('CNSZX-USJFK 空运 30票每月')).toMatchObject({ mode: 'air', volumeUnit: 'shipments' });
    expect(parseLaneText('CNSHA-USLAX')).toEqual({ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' });
  });

  it('reads back what it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...transportModes),
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        fc.option(fc.constantFrom(...volumeUnits), { nil: null }),
        fc.option(fc.constantFrom(...volumePeriods), { nil: null }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (mode, volume, volumeUnit, volumePeriod, locale) => {
          const lane = { pol: 'CNSHA', pod: 'USLAX', mode, volume, volumeUnit, volumePeriod };
          const read = parseLaneText(formatLaneText(lane, locale));
          expect(read).toMatchObject({ pol: 'CNSHA', pod: 'USLAX', mode });
          if (volume === null) return;
          expect(read.volume).toBe(volume);
          expect(read.volumeUnit).toBe(volumeUnit ?? undefined);
          expect(read.volumePeriod).toBe(volumePeriod ?? undefined);
        },
      ),
    );
  });
});
