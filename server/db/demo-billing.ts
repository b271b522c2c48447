import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo's services and calls, as the CSV files a provider would import: a catalog, the
 * accounts' locations and subscriptions, and two years of call records up to today. Everything
 * comes from a seeded generator, so the same day always yields the same files.
 */

export interface DemoBillingFiles {
  products: string;
  usageRates: string;
  locations: string;
  subscriptions: string;
  usage: string;
  /** The months to bill, oldest first: every full month of the generated history. */
  periods: string[];
  /**
   * Calls the switch sent late: each file is imported once `afterPeriod` is billed, so the next
   * invoice carries them (a month before the last) or the open month counts them (the last).
   */
  lateUsage: { file: string; afterPeriod: string }[];
}

/** Lines whose calls of a month's last day arrive after that month was billed, and how many months before the current one. */
const LATE_CALLS = [
  { subscriber: '5035550111', monthsAgo: 3 },
  { subscriber: '3125550144', monthsAgo: 1 },
];

/** mulberry32: a small, fast, seedable generator; good enough for demo data. */
function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353), (h = (h << 13) | (h >>> 19));
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvField = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (header: string[], rows: (string | number | null | undefined)[][]) =>
  [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';

const VOICE_CATEGORY = 'CAN/US/PR/MEX/UK';

const PRODUCTS = [
  ['VOIP-10K', 'VoIP Business 10,000', 'plan', '89.95', 10000, VOICE_CATEGORY, '0.025'],
  ['VOIP-2500', 'VoIP Business 2,500', 'plan', '34.95', 2500, VOICE_CATEGORY, '0.029'],
  ['SEAT', 'Hosted PBX seat', 'addon', '14.00', null, null, null],
  ['DID', 'Direct inward dial number', 'addon', '1.50', null, null, null],
  ['TOLLFREE', 'Toll-free number', 'addon', '4.95', null, null, null],
  ['PHONE-RENTAL', 'Desk phone rental', 'addon', '6.00', null, null, null],
  ['E911', 'E911 service', 'addon', '1.25', null, null, null],
] as const;

const USAGE_RATES = [
  ['INTL', '0.12'],
  ['CARIBBEAN', '0.085'],
] as const;

interface DemoLocation {
  account: string;
  code: string;
  name: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  taxPercent: string;
}

/** One location per account: the head office's locations are its sub-accounts. */
const LOCATIONS: DemoLocation[] = [
  { account: 'C123456', code: 'MAIN', name: 'Main office', street: '111 High St', city: 'San Francisco', region: 'CA', postalCode: '94114', taxPercent: '8.625' },
  { account: 'C200100', code: 'HQ', name: 'Head office', street: '1420 Western Ave', city: 'Seattle', region: 'WA', postalCode: '98101', taxPercent: '10.25' },
  { account: 'C200101', code: 'PDX', name: 'Portland store', street: '835 NW Everett St', city: 'Portland', region: 'OR', postalCode: '97209', taxPercent: '0' },
  { account: 'C200102', code: 'GEG', name: 'Spokane store', street: '221 W Main Ave', city: 'Spokane', region: 'WA', postalCode: '99201', taxPercent: '9.0' },
  { account: 'C200103', code: 'BOI', name: 'Boise warehouse', street: '6100 W Gowen Rd', city: 'Boise', region: 'ID', postalCode: '83709', taxPercent: '6.0' },
  { account: 'C310442', code: 'LOOP', name: 'Loop office', street: '233 S Wacker Dr', city: 'Chicago', region: 'IL', postalCode: '60606', taxPercent: '10.25' },
  { account: 'C418870', code: 'CLINIC', name: 'Clinic', street: '4800 E Colfax Ave', city: 'Denver', region: 'CO', postalCode: '80220', taxPercent: '8.81' },
  { account: 'C527031', code: 'DEPOT', name: 'Freight depot', street: '9100 Burleson Rd', city: 'Austin', region: 'TX', postalCode: '78744', taxPercent: '8.25' },
];

interface DemoSubscription {
  account: string;
  location: string;
  product: string;
  quantity: number;
  /** Months before the first generated month it started (0 = on the first day of that month), or a fixed mid-month day. */
  start: { monthsAgo: number; day: number };
  end?: { monthsAgo: number; day: number };
  subscriber?: string;
  subscriberName?: string;
  /** Voice lines: minutes a month they use, roughly. */
  monthlyMinutes?: number;
}

const SUBSCRIPTIONS: DemoSubscription[] = [
  // The guide's example: a 10,000-minute plan on line 001835, used close to its limit.
  { account: 'C123456', location: 'MAIN', product: 'VOIP-10K', quantity: 1, start: { monthsAgo: 18, day: 1 }, subscriber: '001835', subscriberName: 'Front desk', monthlyMinutes: 9700 },
  { account: 'C123456', location: 'MAIN', product: 'SEAT', quantity: 6, start: { monthsAgo: 18, day: 1 } },
  { account: 'C123456', location: 'MAIN', product: 'DID', quantity: 4, start: { monthsAgo: 18, day: 1 } },
  { account: 'C123456', location: 'MAIN', product: 'PHONE-RENTAL', quantity: 6, start: { monthsAgo: 18, day: 1 } },
  { account: 'C123456', location: 'MAIN', product: 'E911', quantity: 1, start: { monthsAgo: 18, day: 1 } },
  // A seventh hygienist joined mid-month five months ago: a prorated seat.
  { account: 'C123456', location: 'MAIN', product: 'SEAT', quantity: 1, start: { monthsAgo: 5, day: 17 } },
  { account: 'C200100', location: 'HQ', product: 'VOIP-10K', quantity: 1, start: { monthsAgo: 24, day: 1 }, subscriber: '2065550100', subscriberName: 'Reception', monthlyMinutes: 7200 },
  { account: 'C200100', location: 'HQ', product: 'SEAT', quantity: 12, start: { monthsAgo: 24, day: 1 } },
  { account: 'C200100', location: 'HQ', product: 'TOLLFREE', quantity: 1, start: { monthsAgo: 24, day: 1 } },
  { account: 'C200101', location: 'PDX', product: 'VOIP-2500', quantity: 1, start: { monthsAgo: 20, day: 1 }, subscriber: '5035550111', subscriberName: 'Store floor', monthlyMinutes: 2100 },
  { account: 'C200101', location: 'PDX', product: 'SEAT', quantity: 3, start: { monthsAgo: 20, day: 1 } },
  { account: 'C200102', location: 'GEG', product: 'VOIP-2500', quantity: 1, start: { monthsAgo: 14, day: 1 }, subscriber: '5095550122', subscriberName: 'Store floor', monthlyMinutes: 2600 },
  { account: 'C200102', location: 'GEG', product: 'SEAT', quantity: 3, start: { monthsAgo: 14, day: 1 } },
  { account: 'C200103', location: 'BOI', product: 'VOIP-2500', quantity: 1, start: { monthsAgo: 3, day: 12 }, subscriber: '2085550133', subscriberName: 'Dock office', monthlyMinutes: 900 },
  { account: 'C200103', location: 'BOI', product: 'SEAT', quantity: 2, start: { monthsAgo: 3, day: 12 } },
  { account: 'C310442', location: 'LOOP', product: 'VOIP-10K', quantity: 1, start: { monthsAgo: 30, day: 1 }, subscriber: '3125550144', subscriberName: 'Main line', monthlyMinutes: 6100 },
  { account: 'C310442', location: 'LOOP', product: 'SEAT', quantity: 9, start: { monthsAgo: 30, day: 1 } },
  { account: 'C310442', location: 'LOOP', product: 'DID', quantity: 9, start: { monthsAgo: 30, day: 1 } },
  { account: 'C418870', location: 'CLINIC', product: 'VOIP-2500', quantity: 1, start: { monthsAgo: 16, day: 1 }, subscriber: '3035550155', subscriberName: 'Front desk', monthlyMinutes: 2400 },
  { account: 'C418870', location: 'CLINIC', product: 'SEAT', quantity: 4, start: { monthsAgo: 16, day: 1 } },
  { account: 'C527031', location: 'DEPOT', product: 'VOIP-2500', quantity: 2, start: { monthsAgo: 22, day: 1 }, subscriber: '5125550166', subscriberName: 'Dispatch', monthlyMinutes: 4300 },
  { account: 'C527031', location: 'DEPOT', product: 'TOLLFREE', quantity: 1, start: { monthsAgo: 22, day: 1 }, end: { monthsAgo: 2, day: 10 } },
  { account: 'C527031', location: 'DEPOT', product: 'PHONE-RENTAL', quantity: 5, start: { monthsAgo: 22, day: 1 } },
];

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** A date `monthsAgo` months before the current month, on `day` (clamped to the month's length). */
function monthsBefore(today: Date, monthsAgo: number, day: number): Date {
  const first = monthStart(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo);
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, daysIn(first.getUTCFullYear(), first.getUTCMonth()))));
}

const CALL_MINUTES_AVERAGE = 4.2;

/** Destinations and how often a line calls them. */
function pickCategory(random: () => number): string {
  const r = random();
  return r < 0.965 ? VOICE_CATEGORY : r < 0.99 ? 'INTL' : 'CARIBBEAN';
}

function destination(category: string, random: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  if (category === 'INTL') return `+44${digits(10)}`;
  if (category === 'CARIBBEAN') return `+1876${digits(7)}`;
  return `+1${['415', '650', '206', '503', '312', '303', '512', '212'][Math.floor(random() * 8)]}${digits(7)}`;
}

/** Calls of one line on one day: business hours, weekdays busier, durations skewed short. */
function callsOfDay(line: DemoSubscription, day: Date, minutesTarget: number, random: () => number, rows: (string | number)[][]) {
  let minutes = 0;
  let n = 0;
  while (minutes < minutesTarget) {
    const durationSeconds = Math.max(5, Math.round(-Math.log(1 - random()) * CALL_MINUTES_AVERAGE * 60));
    const startedAt = new Date(day.getTime() + (15 + random() * 9) * 3_600_000); // 15:00–24:00 UTC ≈ US business hours
    const category = pickCategory(random);
    rows.push([
      `${line.subscriber}-${isoDate(day).replace(/-/g, '')}-${String(++n).padStart(4, '0')}`,
      line.account,
      line.subscriber!,
      startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      durationSeconds,
      line.subscriber!,
      destination(category, random),
      category,
    ]);
    minutes += Math.ceil(durationSeconds / 60);
  }
}

/** Months of billed history: two years, so the YTD reports have last year beside this one. */
export const DEMO_HISTORY_MONTHS = 24;

/** Writes the demo's CSV files into `dir` for the two years before `today` and the current month so far. */
export function writeDemoBillingFiles(dir: string, today: Date): DemoBillingFiles {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(`demo-${isoDate(today)}`);
  const currentMonth = monthStart(today.getUTCFullYear(), today.getUTCMonth());
  const firstMonth = monthStart(today.getUTCFullYear(), today.getUTCMonth() - DEMO_HISTORY_MONTHS);
  const periods: string[] = [];
  for (let m = DEMO_HISTORY_MONTHS; m >= 1; m--) {
    const d = monthStart(today.getUTCFullYear(), today.getUTCMonth() - m);
    periods.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  }

  const files: DemoBillingFiles = {
    products: join(dir, 'products.csv'),
    usageRates: join(dir, 'usage-rates.csv'),
    locations: join(dir, 'locations.csv'),
    subscriptions: join(dir, 'subscriptions.csv'),
    usage: join(dir, 'usage.csv'),
    periods,
    lateUsage: LATE_CALLS.map((l, i) => ({ file: join(dir, `usage-late-${i + 1}.csv`), afterPeriod: periods[periods.length - l.monthsAgo]! })),
  };

  writeFileSync(files.products, csv(['code', 'name', 'type', 'monthly_price', 'included_minutes', 'usage_category', 'overage_rate_per_minute'], PRODUCTS.map((p) => [...p])));
  writeFileSync(files.usageRates, csv(['category', 'rate_per_minute'], USAGE_RATES.map((r) => [...r])));
  writeFileSync(
    files.locations,
    csv(
      ['account', 'code', 'name', 'address_line1', 'city', 'region', 'postal_code', 'country', 'tax_rate_percent'],
      LOCATIONS.map((l) => [l.account, l.code, l.name, l.street, l.city, l.region, l.postalCode, 'US', l.taxPercent]),
    ),
  );
  writeFileSync(
    files.subscriptions,
    csv(
      ['id', 'account', 'location', 'product', 'quantity', 'start_date', 'end_date', 'subscriber_number', 'subscriber_name'],
      SUBSCRIPTIONS.map((s, i) => [
        `SUB-${String(1001 + i)}`,
        s.account,
        s.location,
        s.product,
        s.quantity,
        isoDate(monthsBefore(today, s.start.monthsAgo, s.start.day)),
        s.end ? isoDate(monthsBefore(today, s.end.monthsAgo, s.end.day)) : '',
        s.subscriber ?? '',
        s.subscriberName ?? '',
      ]),
    ),
  );

  const usageRows: (string | number)[][] = [];
  const elapsedDays = Math.max(1, Math.round((today.getTime() - currentMonth.getTime()) / DAY));
  for (const line of SUBSCRIPTIONS.filter((s) => s.monthlyMinutes)) {
    const lineStart = monthsBefore(today, line.start.monthsAgo, line.start.day);
    for (let day = firstMonth; day < today; day = new Date(day.getTime() + DAY)) {
      if (day < lineStart) continue;
      const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
      const inCurrentMonth = day >= currentMonth;
      // The current month so far lands near half the plan, whatever today's date: the meter shows about 50%.
      const monthly = inCurrentMonth && line.subscriber === '001835' ? 5000 * (30 / elapsedDays) : line.monthlyMinutes! * (0.85 + random() * 0.3);
      const perDay = (monthly / 30) * (weekday ? 1.3 : 0.25);
      callsOfDay(line, day, perDay, random, usageRows);
    }
  }
  // No calls from the future: today's calls stop at the present moment.
  const now = today.toISOString();
  const pastCalls = usageRows.filter((r) => String(r[3]) < now).sort((a, b) => String(a[3]).localeCompare(String(b[3])));
  const header = ['id', 'account', 'subscriber', 'start', 'duration_seconds', 'from', 'to', 'category'];
  const lateDays = LATE_CALLS.map((l) => {
    const lastDay = isoDate(new Date(monthStart(today.getUTCFullYear(), today.getUTCMonth() - l.monthsAgo + 1).getTime() - DAY));
    return (row: (string | number)[]) => row[2] === l.subscriber && String(row[3]).startsWith(lastDay);
  });
  writeFileSync(files.usage, csv(header, pastCalls.filter((r) => !lateDays.some((isLate) => isLate(r)))));
  lateDays.forEach((isLate, i) => writeFileSync(files.lateUsage[i]!.file, csv(header, pastCalls.filter(isLate))));
  return files;
}
