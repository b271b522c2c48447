import type { Db } from '../../db/client.ts';
import { millicentsToCents } from '../billing/money.ts';
import type { ReportOf } from './report-types.ts';
import type { ReportPeriod, ReportScope } from './scope.ts';

type SubscriberRow = ReportOf<'subscribers'>['rows'][number];

interface ServiceRow {
  account: string;
  subscriberNumber: string | null;
  subscriberName: string | null;
  location: string | null;
  product: string;
  type: 'plan' | 'addon';
  quantity: number;
  price: number;
}

/**
 * The Subscribers report: each line (subscriber #) with its services (plans and add-ons active
 * in the period, at today's monthly prices), and its calls, minutes and usage charges in the
 * period, from the usage totals. Services that bill no one line are a row per location.
 * Charges are those of the invoiced months; the months not invoiced yet have none.
 */
export function subscriberRows(db: Db, scope: ReportScope, period: ReportPeriod): SubscriberRow[] {
  const sqlite = db.$client;
  const services = sqlite
    .prepare(
      `select a.number as account, s.subscriber_number as subscriberNumber, s.subscriber_name as subscriberName, l.name as location,
              p.name as product, p.type, s.quantity, p.monthly_price_cents as price
       from subscriptions s join accounts a on a.id = s.account_id join products p on p.id = s.product_id left join locations l on l.id = s.location_id
       where s.account_id in (${scope.idList}) and s.start_date <= ? and (s.end_date is null or s.end_date >= ?)
       order by a.number, s.id`,
    )
    .all(period.last.lastDay, period.first.firstDay) as ServiceRow[];
  const usage = sqlite
    .prepare(
      `select a.number as account, t.subscriber_number as subscriber, sum(t.calls) as calls, sum(t.minutes) as minutes, sum(t.charge_millicents) as millicents
       from usage_totals t join accounts a on a.id = t.account_id
       where t.account_id in (${scope.idList}) and t.period between ? and ? group by 1, 2`,
    )
    .all(period.from, period.to) as { account: string; subscriber: string; calls: number; minutes: number; millicents: number | null }[];

  const rows = new Map<string, SubscriberRow>();
  const rowOf = (account: string, subscriberNumber: string | null, location: string | null) => {
    const key = subscriberNumber === null ? `${account}\u0000\u0000${location ?? ''}` : `${account}\u0000${subscriberNumber}`;
    let row = rows.get(key);
    if (!row) {
      row = { account, subscriberNumber, subscriberName: null, location, services: [], quantity: 0, monthlyCharge: 0, calls: 0, minutes: 0, charge: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const s of services) {
    const row = rowOf(s.account, s.subscriberNumber, s.location);
    row.subscriberName ??= s.subscriberName;
    row.location ??= s.location;
    row.services.push({ product: s.product, type: s.type, quantity: s.quantity, monthlyCharge: s.price * s.quantity });
    row.quantity += s.quantity;
    row.monthlyCharge += s.price * s.quantity;
  }
  for (const u of usage) {
    const row = rowOf(u.account, u.subscriber, null);
    row.calls += u.calls;
    row.minutes += u.minutes;
    row.charge += millicentsToCents(u.millicents ?? 0);
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.account.localeCompare(b.account) ||
      Number(a.subscriberNumber === null) - Number(b.subscriberNumber === null) ||
      (a.subscriberNumber ?? a.location ?? '').localeCompare(b.subscriberNumber ?? b.location ?? ''),
  );
}

export function subscriberTotals(rows: SubscriberRow[]): ReportOf<'subscribers'>['totals'] {
  return rows.reduce(
    (t, r) => ({ monthlyCharge: t.monthlyCharge + r.monthlyCharge, calls: t.calls + r.calls, minutes: t.minutes + r.minutes, charge: t.charge + r.charge }),
    { monthlyCharge: 0, calls: 0, minutes: 0, charge: 0 },
  );
}
