import { createRoute, z } from '@hono/zod-openapi';
import { PAYMENT_STATUSES } from '../../db/enums.ts';
import { AutopayMethodSchema, BillToSchema, OpaqueDataSchema } from '../cards.ts';
import { accountErrors, accountParams, errorResponse, jsonBody, jsonReply } from '../common.ts';

const PaymentSchema = z
  .object({
    id: z.number().int(),
    date: z.string(),
    amount: z.number().int().openapi({ description: 'Cents.' }),
    method: z.string().openapi({ example: 'Credit card' }),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    status: z.enum(PAYMENT_STATUSES).openapi({
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

const PaymentRequestSchema = z.object({
  amount: z
    .number({ error: 'Send the amount as a number of cents, e.g. 40399 for $403.99.' })
    .int('Send the amount in whole cents.')
    .positive('The amount must be more than zero.'),
  opaqueData: OpaqueDataSchema,
  billTo: BillToSchema,
  saveForAutopay: z.boolean().optional().openapi({ description: 'Once approved, keep this card for automatic payment of the monthly bill.' }),
});

export const pay = createRoute({
  method: 'post',
  path: '/accounts/{number}/payments',
  tags: ['Payments'],
  summary: 'Pay by card: a one-time token from Accept.js, never the card itself',
  description: 'Send an `Idempotency-Key` header (a new random value per payment): a retried or doubled request is charged once and answered with the first result.',
  request: {
    params: accountParams,
    headers: z.object({ 'idempotency-key': z.string({ error: 'Send an Idempotency-Key header.' }).regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Use 8 to 100 letters, digits, dashes, dots or colons.') }),
    body: jsonBody(PaymentRequestSchema),
  },
  responses: {
    201: jsonReply(PaymentSchema, 'Approved (or taken and held for review).'),
    202: jsonReply(PaymentSchema, 'The processor did not answer in time; the outcome is being confirmed.'),
    ...accountErrors,
    400: errorResponse('Missing or malformed field.'),
    402: errorResponse('Declined, or refused by the processor: `message` says why.'),
    409: errorResponse('The Idempotency-Key was used for a different payment.'),
    422: errorResponse('An amount above the limit.'),
  },
});

export const listPayments = createRoute({
  method: 'get',
  path: '/accounts/{number}/payments',
  tags: ['Payments'],
  summary: 'Payment history, newest first',
  request: { params: accountParams },
  responses: {
    200: jsonReply(z.object({ payments: z.array(PaymentSchema), currency: z.string().openapi({ example: 'USD', description: "The account's currency: every amount is in it." }) }), 'The payments.'),
    ...accountErrors,
  },
});
