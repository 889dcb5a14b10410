import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { sendVersioned } from '@/lib/versioned';
import type { Versioned } from '@/lib/versioned';
import { editConflict } from './use-edit-conflict';
import type { SaveOptions, UpdateMutation } from './use-edit-conflict';

type Person = Versioned & Record<string, unknown>;

/** One record on a server that versions it as the API does: a stale version is 412 with `current`. */
function server(record: Person) {
  let stored = { ...record };
  const requests: { version: number; body: object }[] = [];
  return {
    requests,
    get stored() {
      return stored;
    },
    /** Someone else's edit, saved first. */
    changeElsewhere(body: object) {
      stored = { ...stored, ...body, version: stored.version + 1 };
    },
    patch(version: number, body: object): Promise<Person> {
      requests.push({ version, body });
      if (version !== stored.version) {
        return Promise.reject(
          new ApiError({ status: 412, code: 'PRECONDITION_FAILED', current: { ...stored } }),
        );
      }
      stored = { ...stored, ...body, version: stored.version + 1 };
      return Promise.resolve({ ...stored });
    },
  };
}

interface Vars {
  base: Person;
  body: Record<string, unknown>;
  /** A variable besides base and body (an affiliation's id, a reference kind): sent again as is. */
  scope: string;
}

/** The form's update as TanStack runs it (a real mutation), seen through the conflict hook. */
function form(api: ReturnType<typeof server>) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const scopes: string[] = [];
  const observer = new MutationObserver<Person, Error, Vars>(queryClient, {
    mutationFn: ({ base, body, scope }) => {
      scopes.push(scope);
      return sendVersioned(base, body, (version) => api.patch(version, body));
    },
  });
  // As useMutation does: the callbacks given to mutate() run for a subscribed observer only.
  observer.subscribe(() => undefined);
  const saved: Person[] = [];
  let refreshed = 0;
  let last: Promise<unknown> = Promise.resolve();
  const mutation = (): UpdateMutation<Person, Vars> => {
    const result = observer.getCurrentResult();
    return {
      error: result.error,
      variables: result.variables,
      isPending: result.isPending,
      mutate: (variables, options) => {
        last = observer.mutate(variables, options).catch(() => undefined);
      },
      reset: () => observer.reset(),
    };
  };
  const remembered: { current: SaveOptions<Person> | undefined } = { current: undefined };
  const edit = () => editConflict(mutation(), remembered, () => (refreshed += 1));
  return {
    saved,
    scopes,
    get refreshed() {
      return refreshed;
    },
    edit,
    /** The user clicks Save (or a choice of the panel), and the requests settle. */
    async act(run: () => void) {
      run();
      await last;
    },
    save: (base: Person, body: Record<string, unknown>) =>
      edit().mutate({ base, body, scope: 'affiliation-1' }, { onSuccess: (p) => saved.push(p) }),
  };
}

const loaded: Person = { id: 'p1', version: 1, firstName: 'Anouk', phone: '02 500 00 00', notes: null };

describe('a versioned edit form on a 412', () => {
  it('another field changed meanwhile: resent by itself, no panel, both changes land', async () => {
    const api = server(loaded);
    const f = form(api);
    api.changeElsewhere({ firstName: 'Anouk-Marie' });

    await f.act(() => f.save(loaded, { phone: '02 511 11 11' }));

    expect(f.edit().conflict).toBeNull();
    expect(api.stored).toMatchObject({ firstName: 'Anouk-Marie', phone: '02 511 11 11', version: 3 });
    expect(f.saved).toEqual([expect.objectContaining({ phone: '02 511 11 11' })]);
  });

  it('the same field: both values are said and nothing of the user lands yet', async () => {
    const api = server(loaded);
    const f = form(api);
    api.changeElsewhere({ phone: '02 522 22 22' });

    await f.act(() => f.save(loaded, { phone: '02 533 33 33', notes: 'Rappeler lundi' }));

    const { conflict } = f.edit();
    expect(conflict?.fields).toEqual([{ field: 'phone', mine: '02 533 33 33', theirs: '02 522 22 22' }]);
    expect(api.stored).toMatchObject({ phone: '02 522 22 22', notes: null });
    expect(f.saved).toEqual([]);
  });

  it('keeping mine resends everything over the current version, with the other variables', async () => {
    const api = server(loaded);
    const f = form(api);
    api.changeElsewhere({ phone: '02 522 22 22' });
    await f.act(() => f.save(loaded, { phone: '02 533 33 33', notes: 'Rappeler lundi' }));

    await f.act(() => f.edit().keepMine());

    expect(f.edit().conflict).toBeNull();
    expect(api.stored).toMatchObject({ phone: '02 533 33 33', notes: 'Rappeler lundi', version: 3 });
    expect(api.requests.at(-1)).toEqual({
      version: 2,
      body: { phone: '02 533 33 33', notes: 'Rappeler lundi' },
    });
    expect(f.scopes).toEqual(['affiliation-1', 'affiliation-1']);
    expect(f.saved).toEqual([expect.objectContaining({ phone: '02 533 33 33' })]);
  });

  it("taking theirs keeps the saved value and still sends the user's other changes", async () => {
    const api = server(loaded);
    const f = form(api);
    api.changeElsewhere({ phone: '02 522 22 22' });
    await f.act(() => f.save(loaded, { phone: '02 533 33 33', notes: 'Rappeler lundi' }));

    await f.act(() => f.edit().takeTheirs());

    expect(api.stored).toMatchObject({ phone: '02 522 22 22', notes: 'Rappeler lundi', version: 3 });
    expect(api.requests.at(-1)).toEqual({ version: 2, body: { notes: 'Rappeler lundi' } });
    expect(f.saved).toEqual([expect.objectContaining({ phone: '02 522 22 22', notes: 'Rappeler lundi' })]);
  });

  it('taking theirs when nothing else changed sends nothing: the saved record is the one shown', async () => {
    const api = server(loaded);
    const f = form(api);
    api.changeElsewhere({ phone: '02 522 22 22' });
    await f.act(() => f.save(loaded, { phone: '02 533 33 33' }));
    const sent = api.requests.length;

    await f.act(() => f.edit().takeTheirs());

    expect(api.requests).toHaveLength(sent);
    expect(f.edit().conflict).toBeNull();
    expect(f.refreshed).toBe(1);
    expect(f.saved).toEqual([expect.objectContaining({ phone: '02 522 22 22', version: 2 })]);
  });

  it('another error is not a conflict: no choice offered', async () => {
    const api = server(loaded);
    const f = form(api);
    let calls = 0;
    api.patch = () => {
      calls++;
      return Promise.reject(new ApiError({ status: 400, code: 'VALIDATION' }));
    };

    await f.act(() => f.save(loaded, { phone: 'x' }));

    const edit = f.edit();
    expect(edit.conflict).toBeNull();
    expect(edit.error).toMatchObject({ status: 400, code: 'VALIDATION' });
    await f.act(() => {
      edit.keepMine();
      edit.takeTheirs();
    });
    // Neither choice sends anything again, nor says it saved.
    expect(calls).toBe(1);
    expect(f.saved).toEqual([]);
    expect(f.refreshed).toBe(0);
  });
});
