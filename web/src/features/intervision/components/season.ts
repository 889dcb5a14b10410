/**
 * The season a new cycle is most likely for: from July on, the one starting this September
 * ("2024-2025" in autumn 2024); before, the one under way. September to June, as the groups meet.
 */
export function seasonOf(now: Date): { name: string; startsOn: string; endsOn: string } {
  const year = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
  return { name: `${year}-${year + 1}`, startsOn: `${year}-09-01`, endsOn: `${year + 1}-06-30` };
}
