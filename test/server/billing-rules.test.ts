import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composeInvoice, lateFeeCents } from '../../server/services/billing/compose.ts';
import type { DraftLine } from '../../server/services/billing/lines.ts';
import { divideRounded } from '../../server/services/billing/money.ts';
import { parsePeriod } from '../../server/services/billing/period.ts';
import { billedMinutes, rateCalls, type VoicePlanSubscription } from '../../server/services/billing/rating.ts';
import { recurringLine, type BillableSubscription } from '../../server/services/billing/recurring.ts';

const october = parsePeriod('2026-10');
const sub = (over: Partial<BillableSubscription> = {}): BillableSubscription => ({
  id: 1, locationId: null, productName: 'Hosted PBX seat', monthlyPriceCents: 1400, quantity: 1,
  startDate: '2026-01-01', endDate: null, subscriberNumber: null, subscriberName: null, ...over,
});
const plan = (over: Partial<VoicePlanSubscription> = {}): VoicePlanSubscription => ({
  id: 1, productId: 7, productName: 'VoIP Business 10,000', includedMinutes: 10_000, category: 'CAN/US/PR/MEX/UK',
  overageMillicentsPerMinute: 2500, quantity: 1, subscriberNumber: '001835', locationId: null, startDate: '2026-01-01', endDate: null, ...over,
});
const OCT_5 = Date.parse('2026-10-05T15:00:00Z') / 1000;
const call = (seconds: number, over: { subscriberNumber?: string; category?: string; startedAt?: number } = {}) => ({
  subscriberNumber: '001835', category: 'CAN/US/PR/MEX/UK', startedAt: OCT_5, durationSeconds: seconds, ...over,
});
const NO_RATES = new Map<string, number>();

describe('periods and rounding', () => {
  test('a period knows its days, bounds and issue date', () => {
    assert.deepEqual(
      { ...october },
      { key: '2026-10', firstDay: '2026-10-01', lastDay: '2026-10-31', days: 31, startSeconds: Date.parse('2026-10-01T00:00:00Z') / 1000, endSeconds: Date.parse('2026-11-01T00:00:00Z') / 1000, issueDate: '2026-11-01' },
    );
    assert.equal(parsePeriod('2028-02').days, 29, 'a leap February');
    assert.throws(() => parsePeriod('2026-13'), /not a billing period/);
    assert.throws(() => parsePeriod('October'), /not a billing period/);
  });

  test('division rounds half up, once', () => {
    assert.equal(divideRounded(5, 10), 1);
    assert.equal(divideRounded(4, 10), 0);
    assert.equal(divideRounded(15, 10), 2);
    assert.equal(divideRounded(-15, 10), -2, 'halves go away from zero');
    assert.equal(divideRounded(2899, 1000), 3);
  });
});

describe('recurring charges', () => {
  test('a full month is the price times the quantity', () => {
    const line = recurringLine(sub({ quantity: 8 }), october)!;
    assert.equal(line.amountCents, 11_200);
    assert.equal(line.quantity, 8);
    assert.equal(line.unitPriceMillicents, 1_400_000);
    assert.equal(line.description, 'Hosted PBX seat');
  });

  test('a subscription starting on the 31st pays 1/31 of October and a full November', () => {
    const late = sub({ monthlyPriceCents: 8995, startDate: '2026-10-31', subscriberNumber: '001835', subscriberName: 'Reception' });
    const oct = recurringLine(late, october)!;
    assert.equal(oct.amountCents, 290, '8995 / 31 = 290.16 → 290');
    assert.equal(oct.description, 'Hosted PBX seat — 001835 Reception (Oct 31–Oct 31, 1 of 31 days)');
    assert.equal(recurringLine(late, parsePeriod('2026-11'))!.amountCents, 8995);
    assert.equal(recurringLine(late, parsePeriod('2026-09')), null, 'nothing before it starts');
  });

  test('a subscription ending mid-month pays its days, the end day included', () => {
    const line = recurringLine(sub({ monthlyPriceCents: 3000, endDate: '2026-11-15' }), parsePeriod('2026-11'))!;
    assert.equal(line.amountCents, 1500, '15 of 30 days');
    assert.match(line.description, /Nov 1–Nov 15, 15 of 30 days/);
    assert.equal(recurringLine(sub({ endDate: '2026-09-30' }), october), null, 'nothing after it ends');
  });
});

describe('rating calls', () => {
  test('calls are billed by the started minute', () => {
    assert.deepEqual([0, 1, 59, 60, 61, 3600].map(billedMinutes), [0, 1, 1, 1, 2, 60]);
  });

  test('zero usage: a usage line shows the included minutes and charges nothing', () => {
    const rated = rateCalls([], [plan()], NO_RATES, october);
    assert.equal(rated.lines.length, 1);
    assert.equal(rated.lines[0]!.amountCents, 0);
    assert.match(rated.lines[0]!.description, /0 min of 10,000 included/);
  });

  test('usage exactly at the included minutes costs nothing; one second more costs one minute of overage', () => {
    const atLimit = [call(9_999 * 60), call(60)];
    const exact = rateCalls(atLimit, [plan()], NO_RATES, october);
    assert.equal(exact.lines[0]!.amountCents, 0);
    assert.equal(exact.lines[0]!.quantity, 0);
    assert.match(exact.lines[0]!.description, /10,000 min of 10,000 included$/);

    const over = rateCalls([call(9_999 * 60), call(61)], [plan()], NO_RATES, october);
    assert.equal(over.lines[0]!.quantity, 1, 'one overage minute');
    assert.equal(over.lines[0]!.amountCents, 3, '$0.025 rounds half up to 3 cents');
    assert.deepEqual([...over.chargeMillicents], [0, 2500], 'the call that crossed the line carries the charge');
    assert.deepEqual([...over.minutes], [9_999, 2]);
  });

  test("included minutes are pooled across the account's lines on the same plan", () => {
    const lines = [plan({ id: 1, subscriberNumber: 'A' }), plan({ id: 2, subscriberNumber: 'B' })];
    const rated = rateCalls([call(15_000 * 60, { subscriberNumber: 'A' }), call(6_000 * 60, { subscriberNumber: 'B' })], lines, NO_RATES, october);
    assert.equal(rated.lines.length, 1);
    assert.match(rated.lines[0]!.description, /21,000 min of 20,000 included, 1,000 min over/);
    assert.equal(rated.lines[0]!.amountCents, 2500);
  });

  test('calls no plan covers are priced at their category rate; unpriced ones are reported', () => {
    const rates = new Map([['INTL', 12_000]]);
    const rated = rateCalls(
      [call(90, { category: 'INTL' }), call(30, { subscriberNumber: 'unknown-line' }), call(60, { category: 'MARS' })],
      [plan()],
      rates,
      october,
    );
    assert.deepEqual(rated.unrated, [1, 2], 'a line with no plan and a category with no rate');
    const intl = rated.lines.find((l) => l.description.startsWith('INTL'))!;
    assert.equal(intl.quantity, 2);
    assert.equal(intl.amountCents, 24);
  });

  test("a plan's minutes only cover calls made while it is active", () => {
    const ended = plan({ endDate: '2026-10-03' });
    const rated = rateCalls([call(60)], [ended], new Map([['CAN/US/PR/MEX/UK', 4000]]), october);
    assert.deepEqual(rated.unrated, []);
    assert.ok(rated.lines.some((l) => l.description.startsWith('CAN/US/PR/MEX/UK calls') && l.amountCents === 4));
  });
});

describe('composing an invoice', () => {
  const charge = (amountCents: number, locationId: number | null = null): DraftLine => ({
    kind: 'recurring', description: 'x', quantity: 1, unitPriceMillicents: amountCents * 1000, amountCents, locationId, subscriptionId: null,
  });
  const compose = (charges: DraftLine[], pastDueCents = 0, taxes: Record<string, number> = {}) =>
    composeInvoice({
      charges,
      pastDueCents,
      lateFee: { ratePpm: 15_000, minimumCents: 500 },
      currency: 'USD',
      taxRatePpm: (id) => taxes[String(id)] ?? 0,
      locationName: (id) => (id === null ? null : `Site ${id}`),
    });

  test('tax is charged per location at its rate, each line rounded on its own, and the lines add up to the total', () => {
    const invoice = compose([charge(999, 1), charge(1001, 1), charge(333, 2), charge(100)], 0, { '1': 86_250, '2': 102_500, null: 50_000 });
    const taxes = invoice.lines.filter((l) => l.kind === 'tax');
    assert.deepEqual(
      taxes.map((l) => [l.description, l.amountCents]),
      [
        ['Sales tax 8.625% — Site 1', 173], // 2000 × 8.625% = 172.5 → 173
        ['Sales tax 10.25% — Site 2', 34], // 333 × 10.25% = 34.13 → 34
        ['Sales tax 5%', 5],
      ],
    );
    assert.equal(invoice.taxCents, 212);
    assert.equal(invoice.subtotalCents, 2433);
    assert.equal(invoice.totalCents, invoice.lines.reduce((s, l) => s + l.amountCents, 0));
    assert.deepEqual(invoice.lines.map((l) => l.position), [0, 1, 2, 3, 4, 5, 6]);
  });

  test('lines always add up: many random invoices', () => {
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let i = 0; i < 500; i++) {
      const charges = Array.from({ length: 1 + random(12) }, () => charge(random(100_000), random(3)));
      const invoice = compose(charges, random(2) ? random(50_000) : 0, { '0': random(120_000), '1': random(120_000), '2': 0 });
      assert.equal(invoice.totalCents, invoice.lines.reduce((s, l) => s + l.amountCents, 0));
      assert.equal(invoice.subtotalCents + invoice.taxCents, invoice.totalCents);
    }
  });

  test('a late fee is a share of what is past due, never below the minimum, and is not taxed', () => {
    assert.equal(lateFeeCents(0, { ratePpm: 15_000, minimumCents: 500 }), 0);
    assert.equal(lateFeeCents(10_000, { ratePpm: 15_000, minimumCents: 500 }), 500, '1.5% of $100 is $1.50: the $5 minimum applies');
    assert.equal(lateFeeCents(100_000, { ratePpm: 15_000, minimumCents: 500 }), 1500);
    assert.equal(lateFeeCents(100_000, { ratePpm: 0, minimumCents: 500 }), 0, '0% turns late fees off');
    const invoice = compose([charge(10_000, 1)], 100_000, { '1': 100_000 });
    assert.deepEqual(
      invoice.lines.map((l) => [l.kind, l.amountCents]),
      [['recurring', 10_000], ['late_fee', 1500], ['tax', 1000]],
    );
    assert.match(invoice.lines[1]!.description, /1\.5% of \$1,000\.00 past due/);
  });
});
