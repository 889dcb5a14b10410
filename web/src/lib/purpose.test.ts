import { describe, expect, it } from 'vitest';
import { purposeForPath } from './purpose';

describe('the purpose of a screen', () => {
  it('is administration on the admin pages, report check on reports and figures, follow-up elsewhere', () => {
    expect(purposeForPath('/admin/users')).toBe('administration');
    expect(purposeForPath('/reports/123')).toBe('report_check');
    expect(purposeForPath('/intervision/cycles/abc/figures')).toBe('report_check');
    expect(purposeForPath('/intervision/cycles/abc')).toBe('follow_up');
    expect(purposeForPath('/directory/people/abc')).toBe('follow_up');
  });
});
