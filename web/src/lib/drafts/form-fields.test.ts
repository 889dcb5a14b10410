import { describe, expect, it } from 'vitest';
import { differs } from './form-fields';
import { draftId } from './store';

describe('drafts', () => {
  it('a form counts as changed only when a field differs from what it opened with', () => {
    const opened = { name: '', 'sector=a': false, notes: 'x' };
    expect(differs({ ...opened }, opened)).toBe(false);
    expect(differs({ ...opened, name: 'Asbl fictive' }, opened)).toBe(true);
    expect(differs({ ...opened, 'sector=a': true }, opened)).toBe(true);
    // A field that appeared later (filled by another) counts only once it holds something.
    expect(differs({ ...opened, extra: '' }, opened)).toBe(false);
    expect(differs({ ...opened, extra: 'y' }, opened)).toBe(true);
  });

  it('a draft belongs to one user, page, form and record version', () => {
    const base = { userId: 'u1', path: '/directory/organisations/o1/edit', formId: 'organisation' };
    const ids = new Set([
      draftId(base),
      draftId({ ...base, userId: 'u2' }),
      draftId({ ...base, path: '/directory/organisations/new' }),
      draftId({ ...base, recordId: 'o1', version: 3 }),
      draftId({ ...base, recordId: 'o1', version: 4 }),
    ]);
    expect(ids.size).toBe(5);
  });
});
