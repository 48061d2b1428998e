import { describe, expect, it } from 'vitest';
import { laneFilter } from './lane';

describe('laneFilter', () => {
  it('is the POL, or POL-POD, and nothing for a POD alone', () => {
    expect(laneFilter('CNSHA', undefined)).toBe('CNSHA');
    expect(laneFilter('CNSHA', 'USLAX')).toBe('CNSHA-USLAX');
    expect(laneFilter(undefined, 'USLAX')).toBeUndefined();
    expect(laneFilter('', '')).toBeUndefined();
  });
});
