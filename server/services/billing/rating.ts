import { type DraftLine, minutesText } from './lines.ts';
import { millicentsToCents } from './money.ts';
import { activeDays } from './recurring.ts';
import type { Period } from './period.ts';

export interface Call {
  subscriberNumber: string;
  startedAt: number;
  durationSeconds: number;
  category: string;
}

/** A subscription to a voice plan: its minutes join the account's pool for that plan. */
export interface VoicePlanSubscription {
  id: number;
  productId: number;
  productName: string;
  includedMinutes: number;
  category: string;
  overageMillicentsPerMinute: number;
  quantity: number;
  subscriberNumber: string | null;
  locationId: number | null;
  startDate: string;
  endDate: string | null;
}

export interface RatedUsage {
  /** Per call, in the order given: billed minutes and charge. */
  minutes: Int32Array;
  chargeMillicents: Float64Array;
  lines: DraftLine[];
  /** Indexes of calls no plan covers and no usage rate prices. */
  unrated: number[];
}

/** Calls are billed by the started minute: 1 s → 1 min, 60 s → 1 min, 61 s → 2 min, 0 s → 0. */
export const billedMinutes = (seconds: number) => Math.ceil(seconds / 60);

const daySeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

interface Pool {
  productId: number;
  name: string;
  category: string;
  included: number;
  used: number;
  overage: number;
  rate: number;
  locations: Set<number | null>;
}

/**
 * Rates an account's calls of a period. A call made on a line with a voice plan covering its
 * category draws on that plan's pool: the included minutes of all the account's subscriptions
 * to the plan, taken in call order; minutes past the pool cost the plan's overage rate. Other
 * calls cost their category's usage rate for every minute. `calls` must be in time order.
 */
export function rateCalls(calls: Call[], plans: VoicePlanSubscription[], usageRates: ReadonlyMap<string, number>, period: Period): RatedUsage {
  const minutes = new Int32Array(calls.length);
  const chargeMillicents = new Float64Array(calls.length);
  const unrated: number[] = [];

  const pools = new Map<number, Pool>();
  const poolOf = (plan: VoicePlanSubscription) => {
    let pool = pools.get(plan.productId);
    if (!pool) {
      pool = { productId: plan.productId, name: plan.productName, category: plan.category, included: 0, used: 0, overage: 0, rate: plan.overageMillicentsPerMinute, locations: new Set() };
      pools.set(plan.productId, pool);
    }
    return pool;
  };
  for (const plan of plans) {
    if (activeDays(plan, period) === 0) continue;
    const pool = poolOf(plan);
    pool.included += plan.includedMinutes * plan.quantity;
    pool.locations.add(plan.locationId);
  }

  // Which plan covers a call: same line, same category, active on the call's day.
  const bySubscriber = new Map<string, { plan: VoicePlanSubscription; from: number; until: number }[]>();
  for (const plan of plans) {
    if (!plan.subscriberNumber) continue;
    const list = bySubscriber.get(plan.subscriberNumber) ?? [];
    list.push({ plan, from: daySeconds(plan.startDate), until: plan.endDate ? daySeconds(plan.endDate) + 86_400 : Infinity });
    bySubscriber.set(plan.subscriberNumber, list);
  }
  const byCategory = new Map<string, { minutes: number; charge: number; rate: number }>();

  calls.forEach((call, i) => {
    const billed = billedMinutes(call.durationSeconds);
    minutes[i] = billed;
    const cover = bySubscriber.get(call.subscriberNumber)?.find((c) => c.plan.category === call.category && call.startedAt >= c.from && call.startedAt < c.until);
    if (cover) {
      const pool = poolOf(cover.plan);
      const freeLeft = Math.max(0, pool.included - pool.used);
      const over = Math.max(0, billed - freeLeft);
      pool.used += billed;
      pool.overage += over;
      chargeMillicents[i] = over * pool.rate;
      return;
    }
    const rate = usageRates.get(call.category);
    if (rate === undefined) {
      unrated.push(i);
      return;
    }
    const total = byCategory.get(call.category) ?? { minutes: 0, charge: 0, rate };
    total.minutes += billed;
    total.charge += billed * rate;
    byCategory.set(call.category, total);
    chargeMillicents[i] = billed * rate;
  });

  const lines: DraftLine[] = [];
  for (const pool of pools.values()) {
    const location = pool.locations.size === 1 ? [...pool.locations][0]! : null;
    let description = `${pool.name} — ${pool.category} usage: ${minutesText(pool.used)} min of ${minutesText(pool.included)} included`;
    if (pool.overage > 0) description += `, ${minutesText(pool.overage)} min over`;
    lines.push({
      kind: 'usage',
      description,
      quantity: pool.overage,
      unitPriceMillicents: pool.rate,
      amountCents: millicentsToCents(pool.overage * pool.rate),
      locationId: location,
      subscriptionId: null,
      usage: { productId: pool.productId, category: pool.category, usedMinutes: pool.used, includedMinutes: pool.included },
    });
  }
  for (const [category, total] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push({
      kind: 'usage',
      description: `${category} calls: ${minutesText(total.minutes)} min`,
      quantity: total.minutes,
      unitPriceMillicents: total.rate,
      amountCents: millicentsToCents(total.charge),
      locationId: null,
      subscriptionId: null,
      usage: { productId: null, category, usedMinutes: total.minutes, includedMinutes: null },
    });
  }
  return { minutes, chargeMillicents, lines, unrated };
}
