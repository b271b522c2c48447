/** The card in the contracts of payments, autopay and the summary: a one-time token in, never the card itself. */
import { z } from '@hono/zod-openapi';

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
