import { createRoute, z } from '@hono/zod-openapi';
import { PRODUCT_TYPES } from '../../db/enums.ts';
import { accountErrors, accountParams, cents, jsonReply } from '../common.ts';

const SubscriptionSchema = z.object({
  id: z.string().openapi({ description: 'The provider’s id of the subscription.', example: 'SUB-1001' }),
  product: z.string(),
  type: z.enum(PRODUCT_TYPES),
  subscriberNumber: z.string().nullable(),
  subscriberName: z.string().nullable(),
  quantity: z.number().int(),
  monthlyPrice: cents('Price of one a month, today.'),
  monthlyCharge: cents('Price × quantity.'),
  startDate: z.string().openapi({ example: '2026-01-01' }),
  endDate: z.string().nullable().openapi({ description: 'Last day billed, once ended.' }),
  includedMinutes: z.number().int().nullable().openapi({ description: 'Voice plans: minutes included a month.' }),
  category: z.string().nullable().openapi({ description: 'Voice plans: the destinations their minutes cover.', example: 'CAN/US/PR/MEX/UK' }),
  status: z.enum(['active', 'upcoming', 'ended']),
});

const ServiceLocationSchema = z.object({
  accountNumber: z.string(),
  accountName: z.string(),
  location: z
    .object({ code: z.string(), name: z.string(), street: z.string(), city: z.string(), region: z.string(), postalCode: z.string() })
    .nullable()
    .openapi({ description: 'null: the subscriptions that have no location.' }),
  services: z.number().int().openapi({ description: 'Active subscriptions.' }),
  subscriptions: z.array(SubscriptionSchema),
});

const ServicesSchema = z
  .object({
    account: z.string(),
    rollup: z.boolean(),
    currency: z.string(),
    includesEnded: z.boolean(),
    locations: z.array(ServiceLocationSchema),
  })
  .openapi('Services');

export const services = createRoute({
  method: 'get',
  path: '/accounts/{number}/services',
  tags: ['Services'],
  summary: 'The guide’s Services: each location with its count of active subscriptions, and the subscriptions',
  request: {
    params: accountParams,
    query: z.object({
      ended: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional().openapi({ description: 'Also list ended subscriptions.' }),
      rollup: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional().openapi({ description: 'A head office with all its sub-accounts.' }),
    }),
  },
  responses: { 200: jsonReply(ServicesSchema, 'The locations and their subscriptions.'), ...accountErrors },
});
