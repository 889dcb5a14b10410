import { describe, expect, it } from 'vitest';
import { activeOn, type Registration } from './intervision.js';

const registration = (status: Registration['status'], withdrawnOn: string | null = null) => ({
  status,
  withdrawnOn,
});

describe('activeOn', () => {
  it('counts the registered, and those who withdrew on the day or later', () => {
    expect(activeOn(registration('registered'), '2024-11-14')).toBe(true);
    expect(activeOn(registration('withdrawn', '2024-11-14'), '2024-11-14')).toBe(true);
    expect(activeOn(registration('withdrawn', '2024-12-01'), '2024-11-14')).toBe(true);
  });

  it('leaves out those who withdrew before the day, and the waiting list', () => {
    expect(activeOn(registration('withdrawn', '2024-11-13'), '2024-11-14')).toBe(false);
    expect(activeOn(registration('waiting'), '2024-11-14')).toBe(false);
  });
});
