import { describe, expect, it } from 'vitest';
import { breakGlass } from './break-glass';

describe('break-glass question', () => {
  it('asks once for the reads of one page and keeps the reason for that page only', async () => {
    const first = breakGlass.ask('/intervision/groups/a');
    const second = breakGlass.ask('/intervision/groups/a');
    expect(breakGlass.asking()).toBe('/intervision/groups/a');
    breakGlass.answer('Remplacement pendant un congé');
    expect(await first).toBe('Remplacement pendant un congé');
    expect(await second).toBe('Remplacement pendant un congé');
    expect(breakGlass.asking()).toBeNull();
    // A refetch of the same page reads with the reason given; another page asks again.
    expect(await breakGlass.ask('/intervision/groups/a')).toBe('Remplacement pendant un congé');
    breakGlass.forget('/intervision/groups/b');
    const other = breakGlass.ask('/intervision/groups/b');
    expect(breakGlass.asking()).toBe('/intervision/groups/b');
    breakGlass.answer(null);
    expect(await other).toBeNull();
  });

  it('declines an open question when the user leaves the page or signs out', async () => {
    const pending = breakGlass.ask('/intervision/groups/c');
    breakGlass.forget('/directory/people');
    expect(await pending).toBeNull();
    expect(breakGlass.asking()).toBeNull();
  });

  it('does not ask again on a page whose question was declined, until it is left', async () => {
    breakGlass.forget('/intervision/groups/d');
    const first = breakGlass.ask('/intervision/groups/d');
    breakGlass.answer(null);
    expect(await first).toBeNull();
    // A refetch of the page after the refusal: no second question.
    expect(await breakGlass.ask('/intervision/groups/d')).toBeNull();
    expect(breakGlass.asking()).toBeNull();
    // Left, then opened again: asked again.
    breakGlass.forget('/directory/people');
    breakGlass.forget('/intervision/groups/d');
    void breakGlass.ask('/intervision/groups/d');
    expect(breakGlass.asking()).toBe('/intervision/groups/d');
    breakGlass.forget();
  });
});
