import { type DraftLine } from './lines.ts';
import { divideRounded } from './money.ts';
import { daysInclusive, type Period } from './period.ts';

export interface BillableSubscription {
  id: number;
  locationId: number | null;
  productName: string;
  monthlyPriceCents: number;
  quantity: number;
  startDate: string;
  /** Last day billed, inclusive; null while active. */
  endDate: string | null;
  subscriberNumber: string | null;
  subscriberName: string | null;
}

/** The days of the period a subscription is active, or 0. */
export function activeDays(sub: Pick<BillableSubscription, 'startDate' | 'endDate'>, period: Period): number {
  const from = sub.startDate > period.firstDay ? sub.startDate : period.firstDay;
  const to = sub.endDate !== null && sub.endDate < period.lastDay ? sub.endDate : period.lastDay;
  return to < from ? 0 : daysInclusive(from, to);
}

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * The month's charge for one subscription: the monthly price × quantity, prorated by the days
 * it was active (a line starting on the 31st of a 31-day month pays 1/31), rounded once.
 */
export function recurringLine(sub: BillableSubscription, period: Period): DraftLine | null {
  const days = activeDays(sub, period);
  if (days === 0) return null;
  const full = sub.monthlyPriceCents * sub.quantity;
  const amountCents = days === period.days ? full : divideRounded(full * days, period.days);
  const who = [sub.subscriberNumber, sub.subscriberName].filter(Boolean).join(' ');
  let description = who ? `${sub.productName} — ${who}` : sub.productName;
  if (days < period.days) {
    const from = sub.startDate > period.firstDay ? sub.startDate : period.firstDay;
    const to = sub.endDate !== null && sub.endDate < period.lastDay ? sub.endDate : period.lastDay;
    description += ` (${shortDay(from)}–${shortDay(to)}, ${days} of ${period.days} days)`;
  }
  return {
    kind: 'recurring',
    description,
    quantity: sub.quantity,
    unitPriceMillicents: sub.monthlyPriceCents * 1000,
    amountCents,
    locationId: sub.locationId,
    subscriptionId: sub.id,
  };
}
