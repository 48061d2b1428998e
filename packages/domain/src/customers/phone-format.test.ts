import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone';

describe('formatPhone', () => {
  it('groups a Chinese mobile and landline as people write them', () => {
    expect(formatPhone('+8615965346508')).toBe('+86 159 6534 6508');
    expect(formatPhone('+862112345678')).toBe('+86 21 1234 5678');
  });
  it('leaves text that is no number as it is', () => {
    expect(formatPhone('unknown')).toBe('unknown');
  });
});
