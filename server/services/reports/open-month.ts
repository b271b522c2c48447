import type { Db } from '../../db/client.ts';
import { millicentsToCents } from '../billing/money.ts';
import { parsePeriod } from '../billing/period.ts';
import { activeDays, recurringLine, type BillableSubscription } from '../billing/recurring.ts';

/** A month not invoiced yet, so far: its usage rated at today's prices from its totals, and its fixed charges. */
export interface OpenMonth {
  month: string;
  pools: { plan: string; category: string; usedMinutes: number; includedMinutes: number; overageMinutes: number; charge: number }[];
  categories: { category: string; minutes: number; charge: number }[];
  /** The month's recurring charges, as its invoice will bill them (before tax). */
  fixed: number;
  /** Usage charges so far: the pools' overage and the categories' minutes. */
  usage: number;
}

interface SubscriptionRow extends BillableSubscription {
  productId: number;
  includedMinutes: number | null;
  category: string | null;
  overageMillicents: number | null;
}

/**
 * Rates a month of an account that is not billed yet, the way the billing run will (pools of
 * included minutes per voice plan, overage at the plan's rate, other categories at their usage
 * rate, recurring charges prorated), but from the month's usage totals instead of its calls and
 * at today's prices. An estimate: it is shown apart, never added to invoiced figures.
 */
export function rateOpenMonth(db: Db, accountId: number, month: string): OpenMonth {
  const sqlite = db.$client;
  const period = parsePeriod(month);
  const subscriptions = sqlite
    .prepare(
      `select s.id, s.location_id as locationId, p.id as productId, p.name as productName, p.monthly_price_cents as monthlyPriceCents, s.quantity,
              s.start_date as startDate, s.end_date as endDate, s.subscriber_number as subscriberNumber, s.subscriber_name as subscriberName,
              p.included_minutes as includedMinutes, p.usage_category as category, p.overage_millicents_per_minute as overageMillicents
       from subscriptions s join products p on p.id = s.product_id
       where s.account_id = ? and s.start_date <= ? and (s.end_date is null or s.end_date >= ?) order by s.id`,
    )
    .all(accountId, period.lastDay, period.firstDay) as SubscriptionRow[];
  const totals = sqlite
    .prepare('select subscriber_number as subscriber, category, sum(minutes) as minutes from usage_totals where account_id = ? and period = ? group by 1, 2')
    .all(accountId, month) as { subscriber: string; category: string; minutes: number }[];
  const rates = new Map(sqlite.prepare('select category, millicents_per_minute from usage_rates').raw().all() as [string, number][]);

  const pools = new Map<number, { plan: string; category: string; used: number; included: number; rate: number }>();
  const planOfLine = new Map<string, number>();
  for (const s of subscriptions) {
    if (s.includedMinutes === null || s.category === null || activeDays(s, period) === 0) continue;
    const pool = pools.get(s.productId) ?? { plan: s.productName, category: s.category, used: 0, included: 0, rate: s.overageMillicents ?? 0 };
    pool.included += s.includedMinutes * s.quantity;
    pools.set(s.productId, pool);
    if (s.subscriberNumber) planOfLine.set(`${s.subscriberNumber}\u0000${s.category}`, s.productId);
  }
  const categories = new Map<string, { minutes: number; millicents: number }>();
  for (const t of totals) {
    const plan = planOfLine.get(`${t.subscriber}\u0000${t.category}`);
    if (plan !== undefined) {
      pools.get(plan)!.used += t.minutes;
      continue;
    }
    const total = categories.get(t.category) ?? { minutes: 0, millicents: 0 };
    total.minutes += t.minutes;
    total.millicents += t.minutes * (rates.get(t.category) ?? 0);
    categories.set(t.category, total);
  }
  const poolRows = [...pools.values()].map((p) => {
    const overageMinutes = Math.max(0, p.used - p.included);
    return { plan: p.plan, category: p.category, usedMinutes: p.used, includedMinutes: p.included, overageMinutes, charge: millicentsToCents(overageMinutes * p.rate) };
  });
  const categoryRows = [...categories]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, t]) => ({ category, minutes: t.minutes, charge: millicentsToCents(t.millicents) }));
  const fixed = subscriptions.reduce((sum, s) => sum + (recurringLine(s, period)?.amountCents ?? 0), 0);
  const usage = poolRows.reduce((sum, p) => sum + p.charge, 0) + categoryRows.reduce((sum, c) => sum + c.charge, 0);
  return { month, pools: poolRows, categories: categoryRows, fixed, usage };
}
