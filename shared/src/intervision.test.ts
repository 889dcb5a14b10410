import { describe, expect, it } from 'vitest';
import { activeOn, type Registration } from './intervision.js';

const registration = (
  status: Registration['status'],
  withdrawnOn: string | null = null,
  registeredOn = '2024-09-16',
) => ({ status, withdrawnOn, registeredOn });

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

  it('leaves out those who registered after the day: 1 December is not on October’s list', () => {
    expect(activeOn(registration('registered', null, '2024-12-01'), '2024-10-10')).toBe(false);
    expect(activeOn(registration('withdrawn', '2025-01-15', '2024-12-01'), '2024-10-10')).toBe(false);
    // Registered on the session's day: there.
    expect(activeOn(registration('registered', null, '2024-10-10'), '2024-10-10')).toBe(true);
  });
});
