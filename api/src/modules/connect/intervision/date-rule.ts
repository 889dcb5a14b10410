/**
 * Dates from a rule such as "the second Thursday of each month, October to December": the
 * `ordinal`-th (1–5, or -1 for the last) ISO `weekday` (1 = Monday … 7 = Sunday) of every month
 * between `from` and `to` (inclusive), leaving out months that have no such day (a fifth Monday).
 */
export function datesFromRule({
  from,
  to,
  ordinal,
  weekday,
}: {
  from: string;
  to: string;
  ordinal: number;
  weekday: number;
}): string[] {
  const dates: string[] = [];
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const day = nthWeekday(y, m, ordinal, weekday);
    if (day === null) continue;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (iso >= from && iso <= to) dates.push(iso);
  }
  return dates;
}

function nthWeekday(year: number, month: number, ordinal: number, weekday: number): number | null {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const isoWeekday = (day: number) => ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  if (ordinal === -1) {
    let day = daysInMonth;
    while (isoWeekday(day) !== weekday) day -= 1;
    return day;
  }
  let first = 1;
  while (isoWeekday(first) !== weekday) first += 1;
  const day = first + (ordinal - 1) * 7;
  return day <= daysInMonth ? day : null;
}
