import { createRoute, z } from '@hono/zod-openapi';
import { clientMeta, requireSession, signedIn } from '../auth/middleware.ts';
import { createRouter } from '../http/context.ts';
import { ApiError, errorResponse } from '../http/errors.ts';
import { findReachableAccount } from '../services/accounts.ts';
import { audit } from '../services/audit.ts';
import { IdempotencyConflict } from '../services/payments.ts';
import { accountNumberParam } from './accounts.ts';
import { AutopayMethodSchema } from './autopay-schema.ts';
import { CardNotSaved, CardSaveUnanswered } from '../services/autopay.ts';

const PaymentSchema = z
  .object({
    id: z.number().int(),
    date: z.string(),
    amount: z.number().int().openapi({ description: 'Cents.' }),
    method: z.string().openapi({ example: 'Credit card' }),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    status: z.enum(['pending', 'approved', 'declined', 'held', 'error', 'unknown', 'voided']).openapi({
      description:
        '`held`: taken, under review by the processor. `unknown`: the processor did not answer in time; it is asked again shortly. `voided`: cancelled at the processor before it settled; it pays nothing.',
    }),
    message: z.string().nullable(),
    refunds: z
      .array(z.object({ id: z.number().int(), date: z.string(), amount: z.number().int().openapi({ description: 'Cents given back.' }) }))
      .openapi({ description: 'Money given back on this payment, oldest first; what it paid is open again.' }),
    autopay: z
      .union([z.object({ saved: z.literal(true), method: AutopayMethodSchema }), z.object({ saved: z.literal(false), message: z.string() })])
      .optional()
      .openapi({ description: 'With `saveForAutopay`: whether the card is now the autopay card.' }),
  })
  .openapi('Payment');

const text = (max: number, what: string) => z.string({ error: `${what} is required.` }).trim().min(1, `${what} is required.`).max(max, `${what}: at most ${max} characters.`);

/** The one-time token Accept.js made of the card in the card frame. */
export const OpaqueDataSchema = z.object({
  dataDescriptor: text(100, 'The card token descriptor'),
  dataValue: text(8192, 'The card token'),
});

/** The card's billing address, as the guide's Address fields collect it. */
export const BillToSchema = z.object({
  firstName: text(50, 'First name'),
  lastName: text(50, 'Last name'),
  address: text(60, 'Address Line 1'),
  address2: z.string().trim().max(60).optional(),
  city: text(40, 'City'),
  state: text(40, 'State'),
  zip: text(20, 'Zip'),
  country: text(60, 'Country'),
});

const PaymentRequestSchema = z.object({
  amount: z
    .number({ error: 'Send the amount as a number of cents, e.g. 40399 for $403.99.' })
    .int('Send the amount in whole cents.')
    .positive('The amount must be more than zero.'),
  opaqueData: OpaqueDataSchema,
  billTo: BillToSchema,
  saveForAutopay: z.boolean().optional().openapi({ description: 'Once approved, keep this card for automatic payment of the monthly bill.' }),
});

const params = z.object({ number: accountNumberParam });

const pay = createRoute({
  method: 'post',
  path: '/accounts/{number}/payments',
  middleware: [signedIn] as const,
  tags: ['Payments'],
  summary: 'Pay by card: a one-time token from Accept.js, never the card itself',
  description: 'Send an `Idempotency-Key` header (a new random value per payment): a retried or doubled request is charged once and answered with the first result.',
  request: {
    params,
    headers: z.object({ 'idempotency-key': z.string({ error: 'Send an Idempotency-Key header.' }).regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Use 8 to 100 letters, digits, dashes, dots or colons.') }),
    body: { required: true, content: { 'application/json': { schema: PaymentRequestSchema } } },
  },
  responses: {
    201: { content: { 'application/json': { schema: PaymentSchema } }, description: 'Approved (or taken and held for review).' },
    202: { content: { 'application/json': { schema: PaymentSchema } }, description: 'The processor did not answer in time; the outcome is being confirmed.' },
    400: errorResponse('Missing or malformed field.'),
    401: errorResponse('Not signed in.'),
    402: errorResponse('Declined, or refused by the processor: `message` says why.'),
    404: errorResponse('No such account, or not one this user can reach.'),
    409: errorResponse('The Idempotency-Key was used for a different payment.'),
    422: errorResponse('An amount above the limit.'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/accounts/{number}/payments',
  middleware: [signedIn] as const,
  tags: ['Payments'],
  summary: 'Payment history, newest first',
  request: { params },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ payments: z.array(PaymentSchema) }) } }, description: 'The payments.' },
    401: errorResponse('Not signed in.'),
    404: errorResponse('No such account, or not one this user can reach.'),
  },
});

const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** Customer API: card payments and the payment history. */
export const paymentRoutes = createRouter()
  .openapi(pay, async (c) => {
    const { user } = requireSession(c);
    const { db, config, payments, autopay } = c.get('deps');
    const account = findReachableAccount(db, user, c.req.valid('param').number);
    const body = c.req.valid('json');
    if (body.amount > config.paymentMaxCents) {
      throw new ApiError(422, 'VALIDATION', `The most a card payment can be is ${money(config.paymentMaxCents)}.`, { issues: [{ path: 'amount', message: `At most ${money(config.paymentMaxCents)}.` }] });
    }
    let payment;
    try {
      payment = await payments.payByCard({
        accountId: account.id,
        userId: user.id,
        amountCents: body.amount,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        source: { opaqueData: body.opaqueData },
        billTo: body.billTo,
      });
    } catch (err) {
      if (err instanceof IdempotencyConflict) throw new ApiError(409, 'CONFLICT', err.message);
      throw err;
    }
    audit(db, { action: 'payment.card', actorUserId: user.id, accountId: account.id, ip: clientMeta(c).ip, detail: { paymentId: payment.id, amount: payment.amount, status: payment.status } });
    if (body.saveForAutopay && (payment.status === 'approved' || payment.status === 'held')) {
      try {
        const method = await autopay.enrollFromPayment({ account, userId: user.id, email: user.email, paymentId: payment.id });
        audit(db, { action: 'autopay.enrolled', actorUserId: user.id, accountId: account.id, ip: clientMeta(c).ip, detail: { paymentId: payment.id, brand: method.brand, last4: method.last4 } });
        return c.json({ ...payment, autopay: { saved: true as const, method } }, 201);
      } catch (err) {
        if (!(err instanceof CardNotSaved || err instanceof CardSaveUnanswered)) throw err;
        return c.json({ ...payment, autopay: { saved: false as const, message: `The payment went through, but the card was not saved for automatic payment: ${err.message}` } }, 201);
      }
    }
    if (payment.status === 'declined') throw new ApiError(402, 'PAYMENT_DECLINED', `The card was declined: ${payment.message ?? 'no reason given'} Nothing was charged.`);
    if (payment.status === 'error') throw new ApiError(402, 'PAYMENT_FAILED', `The payment did not go through: ${payment.message ?? 'no reason given'} Nothing was charged.`);
    return c.json(payment, payment.status === 'approved' || payment.status === 'held' ? 201 : 202);
  })
  .openapi(list, (c) => {
    const { user } = requireSession(c);
    const { db, payments } = c.get('deps');
    const account = findReachableAccount(db, user, c.req.valid('param').number);
    return c.json({ payments: payments.list(account.id) }, 200);
  });
