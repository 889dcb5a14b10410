/** Today's date in Brussels, `yyyy-mm-dd`: what "today" means to Smes, whatever the server's zone. */
export function todayInBrussels(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * The instant a Brussels wall clock names (`yyyy-mm-dd` is its midnight, `yyyy-mm-ddThh:mm`):
 * Brussels' offset that day, summer time included. A clock the spring change skips reads as
 * an hour later; one the autumn change repeats, as its first (summer) occurrence.
 */
export function brusselsInstant(wallClock: string): Date {
  const [day, time = '00:00'] = wallClock.split('T');
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  const offsetAt = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - t;
  };
  // Two rounds: the offset of the first guess may be the other side of a change.
  const first = asUtc - offsetAt(asUtc - 2 * 3_600_000);
  return new Date(asUtc - offsetAt(first));
}
