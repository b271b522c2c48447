import { z } from '@hono/zod-openapi';

/** The autopay card as the API shows it: what identifies it to the customer, nothing more. */
export const AutopayMethodSchema = z
  .object({
    brand: z.string().openapi({ example: 'Visa' }),
    last4: z.string().openapi({ example: '1111' }),
    expMonth: z.number().int().nullable(),
    expYear: z.number().int().nullable(),
    enrolledAt: z.string(),
  })
  .openapi('AutopayMethod');
