/**
 * Call times as ISO 8601 in an account's time zone, with its offset ("2026-10-05T08:15:00-07:00"),
 * or in UTC ("…Z"). Made for a million calls in time order: the zone's offset is looked up once
 * per quarter hour of calls and the date text once per day, so most calls cost a little arithmetic.
 */
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function offsetMinutesOf(format: Intl.DateTimeFormat, seconds: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(seconds * 1000))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return Math.round((local / 1000 - seconds) / 60);
}

const offsetText = (minutes: number) => {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
};

/** A formatter of epoch seconds for a time zone (null or unknown: UTC). */
export function zonedClock(timeZone: string | null): (seconds: number) => string {
  let format: Intl.DateTimeFormat | null = null;
  if (timeZone && timeZone !== 'UTC') {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      format = null;
    }
  }
  let hour = -1;
  let offset = 0;
  let suffix = 'Z';
  let day = NaN;
  let dayText = '';
  return (seconds: number) => {
    if (format) {
      // Zones change offset on a quarter hour (UTC) at the finest.
        const h = Math.floor(seconds / 900);
      if (h !== hour) {
        hour = h;
        offset = offsetMinutesOf(format, seconds);
        suffix = offsetText(offset);
      }
    }
    const local = seconds + offset * 60;
    const d = Math.floor(local / 86_400);
    if (d !== day) {
      day = d;
      dayText = new Date(d * 86_400_000).toISOString().slice(0, 11);
    }
    const inDay = local - d * 86_400;
    return `${dayText}${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor(inDay / 60) % 60)}:${pad2(inDay % 60)}${suffix}`;
  };
}
