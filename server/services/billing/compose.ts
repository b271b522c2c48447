import { formatMoney } from '../money-format.ts';
import type { DraftLine } from './lines.ts';
import { applyRatePpm, ppmText } from './money.ts';

export interface LateFeePolicy {
  /** Share of the amount past due, in parts per million (1.5% = 15000); 0 turns late fees off. */
  ratePpm: number;
  minimumCents: number;
}

export interface InvoiceParts {
  /** Recurring and usage lines: the taxable charges. */
  charges: DraftLine[];
  /** What the account owed past its due dates when the invoice is issued. */
  pastDueCents: number;
  lateFee: LateFeePolicy;
  /** The account's currency, for the words of the late fee line. */
  currency: string;
  /** The sales tax of a location (null: the account's own rate), in ppm. */
  taxRatePpm(locationId: number | null): number;
  /** How tax lines name a location. */
  locationName(locationId: number | null): string | null;
}

export interface ComposedInvoice {
  lines: (DraftLine & { position: number })[];
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
}

export function lateFeeCents(pastDueCents: number, policy: LateFeePolicy): number {
  if (pastDueCents <= 0 || policy.ratePpm === 0) return 0;
  return Math.max(applyRatePpm(pastDueCents, policy.ratePpm), policy.minimumCents);
}

/**
 * Puts an invoice together: the charges, a late fee if anything is past due, and the sales tax
 * of each location on that location's charges (late fees are not taxed). Every line is rounded
 * on its own; the totals are the sums of the lines, so they always add up.
 */
export function composeInvoice(parts: InvoiceParts): ComposedInvoice {
  const lines: DraftLine[] = [...parts.charges];
  const fee = lateFeeCents(parts.pastDueCents, parts.lateFee);
  if (fee > 0) {
    const minimumApplied = fee === parts.lateFee.minimumCents && applyRatePpm(parts.pastDueCents, parts.lateFee.ratePpm) < fee;
    lines.push({
      kind: 'late_fee',
      description: `Late payment charge: ${ppmText(parts.lateFee.ratePpm)} of ${formatMoney(parts.pastDueCents, parts.currency)} past due${minimumApplied ? ' (minimum charge)' : ''}`,
      quantity: 1,
      unitPriceMillicents: fee * 1000,
      amountCents: fee,
      locationId: null,
      subscriptionId: null,
    });
  }

  const taxableByLocation = new Map<number | null, number>();
  for (const line of parts.charges) taxableByLocation.set(line.locationId, (taxableByLocation.get(line.locationId) ?? 0) + line.amountCents);
  for (const [locationId, base] of taxableByLocation) {
    const ppm = parts.taxRatePpm(locationId);
    const amount = applyRatePpm(base, ppm);
    if (ppm === 0 || amount === 0) continue;
    const where = parts.locationName(locationId);
    lines.push({
      kind: 'tax',
      description: `Sales tax ${ppmText(ppm)}${where ? ` — ${where}` : ''}`,
      quantity: 1,
      unitPriceMillicents: amount * 1000,
      amountCents: amount,
      locationId,
      subscriptionId: null,
    });
  }

  const taxCents = lines.filter((l) => l.kind === 'tax').reduce((sum, l) => sum + l.amountCents, 0);
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  return { lines: lines.map((line, position) => ({ ...line, position })), subtotalCents: totalCents - taxCents, taxCents, totalCents };
}
