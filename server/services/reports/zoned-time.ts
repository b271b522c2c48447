/**
 * Call times as ISO 8601 in an account's time zone, with its offset ("2026-10-05T08:15:00-07:00"),
 * or in UTC ("…Z"). Made for a million calls in time order: the zone's offset is looked up a few
 * times a day of calls and the date text once per day, so most calls cost a little arithmetic.
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

const DAY = 86_400;
const QUARTER_HOUR = 900;

/**
 * The zone's offset at a moment, remembered for as long as it holds: offsets change at most a
 * few times a year, on a quarter hour (UTC). Each look-up checks a day ahead; when the offset
 * differs there, the change is found by halving (to the quarter hour) and the window ends at it.
 */
function offsetCache(format: Intl.DateTimeFormat) {
  let from = Infinity;
  let until = -Infinity;
  let offset = 0;
  return (seconds: number) => {
    if (seconds >= from && seconds < until) return offset;
    let lo = Math.floor(seconds / QUARTER_HOUR) * QUARTER_HOUR;
    let hi = lo + DAY;
    offset = offsetMinutesOf(format, lo);
    if (offsetMinutesOf(format, hi) !== offset) {
      while (hi - lo > QUARTER_HOUR) {
        const mid = lo + Math.floor((hi - lo) / 2 / QUARTER_HOUR) * QUARTER_HOUR;
        if (offsetMinutesOf(format, mid) === offset) lo = mid;
        else hi = mid;
      }
    }
    from = Math.floor(seconds / QUARTER_HOUR) * QUARTER_HOUR;
    until = hi;
    return offset;
  };
}

/** A formatter of epoch seconds for a time zone (null or unknown: UTC). */
export function zonedClock(timeZone: string | null): (seconds: number) => string {
  let offsetAt: ((seconds: number) => number) | null = null;
  if (timeZone && timeZone !== 'UTC') {
    try {
      offsetAt = offsetCache(
        new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }),
      );
    } catch {
      offsetAt = null;
    }
  }
  let lastOffset = 0;
  let suffix = 'Z';
  let day = NaN;
  let dayText = '';
  return (seconds: number) => {
    const offset = offsetAt ? offsetAt(seconds) : 0;
    if (offset !== lastOffset) {
      lastOffset = offset;
      suffix = offsetText(offset);
      day = NaN;
    }
    const local = seconds + offset * 60;
    const d = Math.floor(local / DAY);
    if (d !== day) {
      day = d;
      dayText = new Date(d * DAY * 1000).toISOString().slice(0, 11);
    }
    const inDay = local - d * DAY;
    return `${dayText}${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor(inDay / 60) % 60)}:${pad2(inDay % 60)}${suffix}`;
  };
}
