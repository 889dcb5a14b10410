/** Today's date in Brussels, `yyyy-mm-dd`: what "today" means to Smes, whatever the server's zone. */
export function todayInBrussels(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}
