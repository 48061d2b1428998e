import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseImportInstant,
  shipmentImportFieldOfPath,
  shipmentImportRow,
  suggestShipmentMapping,
} from './shipment-import-fields';

const shanghai = 'Asia/Shanghai';

describe('shipment import rows', () => {
  it('reads a day, a day and time, an Excel serial and an ISO instant as the same kind of instant', () => {
    expect(parseImportInstant('2026-12-01', shanghai)).toBe('2026-11-30T16:00:00.000Z');
    expect(parseImportInstant('2026/12/1 14:30', shanghai)).toBe('2026-12-01T06:30:00.000Z');
    expect(parseImportInstant('2026年12月1日', shanghai)).toBe('2026-11-30T16:00:00.000Z');
    expect(parseImportInstant('46357', shanghai)).toBe('2026-11-30T16:00:00.000Z');
    expect(parseImportInstant('46357.5', shanghai)).toBe('2026-12-01T04:00:00.000Z');
    expect(parseImportInstant('2026-12-01T10:00:00+08:00', shanghai)).toBe('2026-12-01T02:00:00.000Z');
    for (const bad of ['tomorrow', '2026-02-30', '2026/12/1 25:00', ''])
      expect(parseImportInstant(bad, shanghai)).toBeNull();
  });

  it('a day is midnight of that day in any zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles', 'UTC'),
        (date, zone) => {
          const day = date.toISOString().slice(0, 10);
          const at = new Date(parseImportInstant(day, zone) as string);
          const local = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            dateStyle: 'short',
            timeStyle: 'short',
            hourCycle: 'h23',
          }).format(at);
          expect(local).toBe(`${day}, 00:00`);
        },
      ),
    );
  });

  it('makes a batch item: key from the booking number, containers, parties and money', () => {
    const { item, problems } = shipmentImportRow(
      {
        bookingNumber: 'BKG1',
        mode: 'FCL',
        containers: 'MSKU1234565 40HQ; TGHU1234567/20GP',
        customerCode: 'c000123',
        consignee: 'Hamburg Imports GmbH',
        notifyParty: '91350100M000100Y43',
        revenueAmount: '2,500.50',
        revenueCurrency: 'usd',
        damaged: '否',
      },
      { source: 'import', timeZone: shanghai },
    );
    expect(problems).toEqual([]);
    expect(item).toMatchObject({
      source: 'import',
      externalId: 'BKG1',
      mode: 'fcl',
      containers: [
        { number: 'MSKU1234565', type: '40HQ' },
        { number: 'TGHU1234567', type: '20GP' },
      ],
      parties: [
        { role: 'booking_customer', customerCode: 'C000123' },
        { role: 'consignee', name: 'Hamburg Imports GmbH' },
        { role: 'notify_party', creditCode: '91350100M000100Y43' },
      ],
      revenue: { amount: '2500.50', currency: 'USD' },
      damaged: false,
    });
    expect(shipmentImportFieldOfPath('parties.1.name', item)).toBe('consignee');
    expect(shipmentImportFieldOfPath('revenue.currency', item)).toBe('revenueCurrency');
    expect(shipmentImportFieldOfPath('containers.1.number', item)).toBe('containers');
  });

  it('names the cells it cannot read', () => {
    const { problems } = shipmentImportRow(
      { mode: 'fcl', etd: 'soon', packages: 'many', containers: 'MSKU1234565', onTime: 'maybe' },
      { source: 'import', timeZone: shanghai },
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['containers', 'etd', 'externalId', 'onTime', 'packages']);
  });

  it('maps repeated container columns', () => {
    expect(suggestShipmentMapping(['Job No', '箱号1', '箱号2', 'Container 3'])).toEqual({
      'Job No': 'externalId',
      箱号1: 'containers',
      箱号2: 'containers',
      'Container 3': 'containers',
    });
  });
});
