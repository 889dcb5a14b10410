/**
 * One hierarchy for all of intervision: a change to a group (a session, a registration) can
 * move its cycle's lists and schedule too (figures are read afresh by each screen), so mutations invalidate `all` or a cycle.
 */
export const intervisionKeys = {
  all: ['intervision'] as const,
  cycles: () => [...intervisionKeys.all, 'cycles'] as const,
  cycle: (id: string) => [...intervisionKeys.cycles(), id] as const,
  groups: (cycleId: string) => [...intervisionKeys.cycle(cycleId), 'groups'] as const,
  registrations: (cycleId: string, unpaid: boolean) =>
    [...intervisionKeys.cycle(cycleId), 'registrations', { unpaid }] as const,
  schedule: (cycleId: string) => [...intervisionKeys.cycle(cycleId), 'schedule'] as const,
  groupDetails: () => [...intervisionKeys.all, 'group'] as const,
  group: (id: string) => [...intervisionKeys.groupDetails(), id] as const,
  retentionRuns: () => [...intervisionKeys.all, 'retention-runs'] as const,
};
