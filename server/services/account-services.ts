import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema.ts';
import { reportScope } from './reports/scope.ts';

type Status = 'active' | 'upcoming' | 'ended';

interface Row {
  accountNumber: string;
  accountName: string;
  locationId: number | null;
  code: string | null;
  locationName: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  id: string | null;
  product: string | null;
  type: 'plan' | 'addon' | null;
  subscriberNumber: string | null;
  subscriberName: string | null;
  quantity: number | null;
  monthlyPrice: number | null;
  startDate: string | null;
  endDate: string | null;
  includedMinutes: number | null;
  category: string | null;
}

const statusOn = (today: string, start: string, end: string | null): Status => (start > today ? 'upcoming' : end !== null && end < today ? 'ended' : 'active');

/**
 * The guide's Services: each location of the account (or of a head office and its sub-accounts)
 * with its count of active subscriptions, and one row for subscriptions without a location.
 * Ended subscriptions are left out unless asked for.
 */
export function accountServices(db: Db, account: Account, options: { ended: boolean; rollup: boolean }, today: string) {
  const scope = reportScope(db, account, options.rollup);
  // Every location, with its subscriptions; then the subscriptions of no location.
  const rows = db.$client
    .prepare(
      `select * from (
       select a.number as accountNumber, a.name as accountName, l.id as locationId, l.code, l.name as locationName, l.address_line1 as street,
              l.city, l.region, l.postal_code as postalCode, s.external_id as id, p.name as product, p.type, s.subscriber_number as subscriberNumber,
              s.subscriber_name as subscriberName, s.quantity, p.monthly_price_cents as monthlyPrice, s.start_date as startDate, s.end_date as endDate,
              p.included_minutes as includedMinutes, p.usage_category as category
       from locations l join accounts a on a.id = l.account_id
       left join subscriptions s on s.location_id = l.id left join products p on p.id = s.product_id
       where l.account_id in (${scope.idList})
       union all
       select a.number, a.name, null, null, null, null, null, null, null, s.external_id, p.name, p.type, s.subscriber_number, s.subscriber_name,
              s.quantity, p.monthly_price_cents, s.start_date, s.end_date, p.included_minutes, p.usage_category
       from subscriptions s join accounts a on a.id = s.account_id join products p on p.id = s.product_id
       where s.account_id in (${scope.idList}) and s.location_id is null)
       order by accountNumber, locationId is null, locationName, subscriberNumber is null, subscriberNumber, product`,
    )
    .all() as Row[];
  const locations = new Map<string, { accountNumber: string; accountName: string; location: { code: string; name: string; street: string; city: string; region: string; postalCode: string } | null; services: number; subscriptions: ReturnType<typeof subscriptionOf>[] }>();
  for (const r of rows) {
    const key = `${r.accountNumber}\u0000${r.locationId ?? ''}`;
    let entry = locations.get(key);
    if (!entry) {
      const location = r.locationId === null ? null : { code: r.code!, name: r.locationName!, street: r.street!, city: r.city!, region: r.region!, postalCode: r.postalCode! };
      entry = { accountNumber: r.accountNumber, accountName: r.accountName, location, services: 0, subscriptions: [] };
      locations.set(key, entry);
    }
    if (r.id === null) continue;
    const subscription = subscriptionOf(r, today);
    if (subscription.status === 'active') entry.services++;
    if (subscription.status !== 'ended' || options.ended) entry.subscriptions.push(subscription);
  }
  return { account: account.number, rollup: scope.rollup, currency: account.currency, includesEnded: options.ended, locations: [...locations.values()] };
}

function subscriptionOf(r: Row, today: string) {
  return {
    id: r.id!,
    product: r.product!,
    type: r.type!,
    subscriberNumber: r.subscriberNumber,
    subscriberName: r.subscriberName,
    quantity: r.quantity!,
    monthlyPrice: r.monthlyPrice!,
    monthlyCharge: r.monthlyPrice! * r.quantity!,
    startDate: r.startDate!,
    endDate: r.endDate,
    includedMinutes: r.includedMinutes,
    category: r.category,
    status: statusOn(today, r.startDate!, r.endDate),
  };
}
