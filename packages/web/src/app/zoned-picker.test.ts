import { afterEach, describe, expect, it } from 'vitest';
import { setDisplayTimeZone } from './format';
import { fromPickerValue, toPickerValue } from './zoned-picker';

describe('date pickers in the user’s zone, whatever the machine’s', () => {
  afterEach(() => setDisplayTimeZone(null));

  it('shows an instant on the user’s clock and reads the picker back in that zone', () => {
    setDisplayTimeZone('Asia/Shanghai');
    const shown = toPickerValue('2026-12-06T16:30:00Z');
    expect(shown?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-07 00:30');
    expect(fromPickerValue(shown)).toBe('2026-12-06T16:30:00.000Z');
    setDisplayTimeZone('America/New_York');
    expect(toPickerValue('2026-12-06T16:30:00Z')?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-06 11:30');
    // 09:00 picked in New York is 14:00 UTC in winter and 13:00 UTC in summer.
    expect(fromPickerValue(toPickerValue('2026-12-07T14:00:00Z')?.hour(9))).toBe('2026-12-07T14:00:00.000Z');
    expect(fromPickerValue(toPickerValue('2026-07-07T13:00:00Z'))).toBe('2026-07-07T13:00:00.000Z');
  });

  it('an empty picker is null', () => {
    expect(toPickerValue(null)).toBeNull();
    expect(fromPickerValue(null)).toBeNull();
  });
});
