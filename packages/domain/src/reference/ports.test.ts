import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { isUnlocode } from '../customers/unlocode';
import { findPort, portKinds, ports, searchPorts } from './ports';

const codes = (list: readonly { code: string }[]) => list.map((port) => port.code);

describe('ports', () => {
  it('lists at least 150 ports, each once, with a valid UN/LOCODE of a known country', () => {
    expect(ports.length).toBeGreaterThanOrEqual(150);
    expect(new Set(codes(ports)).size).toBe(ports.length);
    for (const port of ports) {
      expect(isUnlocode(port.code), port.code).toBe(true);
      expect(port.country).toBe(port.code.slice(0, 2));
      expect(portKinds).toContain(port.kind);
      expect(port.nameEn.trim(), port.code).not.toBe('');
      expect(port.nameZh, port.code).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('has the pinyin initials of every Chinese name right', () => {
    for (const port of ports) {
      const initials = pinyin(port.nameZh, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join('');
      expect(port.nameZhInitials, port.code).toBe(initials);
    }
  });

  it('has the main Chinese ports and the main container ports and cargo airports of the world', () => {
    const required = [
      ...['CNSHA', 'CNNGB', 'CNSZX', 'CNYTN', 'CNSHK', 'CNCAN', 'CNNSA', 'CNTAO', 'CNTXG', 'CNXMN', 'CNDLC'],
      ...['CNLYG', 'CNFOC', 'HKHKG', 'TWKHH', 'CNPVG', 'CNPEK', 'CNPKX'],
      ...['SGSIN', 'KRPUS', 'KRINC', 'JPTYO', 'JPYOK', 'JPOSA', 'JPNGO', 'JPUKB', 'JPNRT', 'VNSGN', 'VNHPH'],
      ...['THLCH', 'MYPKG', 'MYTPP', 'IDJKT', 'PHMNL', 'INNSA', 'INMUN', 'AEJEA', 'AEDXB', 'SAJED', 'LKCMB', 'QADOH'],
      ...['EGPSD', 'NLRTM', 'NLAMS', 'BEANR', 'DEHAM', 'DEBRV', 'DEFRA', 'GBFXT', 'GBSOU', 'GBLHR', 'FRLEH', 'ESVLC'],
      ...['ESALG', 'ITGOA', 'GRPIR', 'TRIST', 'PLGDN', 'RULED', 'RUVVO', 'KZALA'],
      ...['USLAX', 'USLGB', 'USOAK', 'USSEA', 'USTIW', 'USNYC', 'USSAV', 'USHOU', 'USCHS', 'USORD', 'USJFK', 'USMIA'],
      ...['USANC', 'CAVAN', 'CAPRR', 'MXZLO', 'BRSSZ', 'ARBUE', 'CLVAP', 'PECLL', 'AUSYD', 'AUMEL', 'NZAKL'],
      ...['ZADUR', 'KEMBA', 'NGAPP'],
    ];
    const missing = required.filter((code) => !findPort(code));
    expect(missing).toEqual([]);
  });

  it('finds a port by its code, whatever the case or spacing', () => {
    expect(findPort('CNSHA')).toMatchObject({ nameEn: 'Shanghai', nameZh: '上海', country: 'CN', kind: 'seaport' });
    expect(findPort('cn sha')?.code).toBe('CNSHA');
    expect(findPort('XXXXX')).toBeUndefined();
  });

  it('searches by code, code prefix and location part', () => {
    expect(searchPorts('CNSHA')[0]?.code).toBe('CNSHA');
    expect(searchPorts('cn sha')[0]?.code).toBe('CNSHA');
    expect(searchPorts('NLRTM', 5).map((port) => port.code)).toEqual(['NLRTM']);
    expect(codes(searchPorts('CNS', 50))).toEqual(expect.arrayContaining(['CNSHA', 'CNSHK', 'CNSZX']));
    expect(codes(searchPorts('rtm'))).toContain('NLRTM');
  });

  it('searches by English name, ignoring case and accents', () => {
    expect(searchPorts('ningbo')[0]?.code).toBe('CNNGB');
    expect(codes(searchPorts('liege'))).toContain('BELGG');
    expect(codes(searchPorts('pudong'))).toContain('CNPVG');
    expect(codes(searchPorts('ham'))).toContain('DEHAM');
  });

  it('searches by Chinese name or part of it, and by pinyin initials', () => {
    expect(searchPorts('宁波')[0]?.code).toBe('CNNGB');
    expect(codes(searchPorts('深圳'))).toContain('CNSZX');
    expect(codes(searchPorts('鹿特丹'))).toEqual(['NLRTM']);
    expect(codes(searchPorts('nb'))).toContain('CNNGB');
    expect(codes(searchPorts('ltd'))).toContain('NLRTM');
  });

  it('puts an exact code before names that merely contain the text', () => {
    const results = codes(searchPorts('sha', 10));
    expect(results[0]).toBe('CNSHA');
  });

  it('returns the busiest ports for an empty query and honours the limit', () => {
    expect(searchPorts('', 3)).toEqual(ports.slice(0, 3));
    expect(searchPorts('a', 5)).toHaveLength(5);
    expect(searchPorts('zzzzzz')).toEqual([]);
  });
});
