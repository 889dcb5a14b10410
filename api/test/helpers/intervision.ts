import type { as } from './http.js';

type Client = ReturnType<typeof as>;

/** A cycle, as a coordinator creates it (fees left to their defaults unless given). */
export async function newCycle(
  c: Client,
  body: { name: string; startsOn: string; endsOn: string; memberFee?: string; nonMemberFee?: string },
) {
  return (await c.post('/api/intervision/cycles', body).expect(201)).body as { id: string; name: string };
}

/** A group of a cycle: French, Thursdays 14:00–17:00, no facilitators, unless told otherwise. */
export async function newGroup(
  c: Client,
  cycleId: string,
  name: string,
  extra: Record<string, unknown> = {},
) {
  return (
    await c
      .post('/api/intervision/groups', {
        cycleId,
        name,
        kind: 'intersectoral',
        language: 'fr',
        weekday: 4,
        startTime: '14:00',
        endTime: '17:00',
        facilitatorIds: [],
        ...extra,
      })
      .expect(201)
  ).body as { id: string };
}
