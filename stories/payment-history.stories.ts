import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The account's payments and refunds: date, amount, method, card, result. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-payment-history', component: 'bp-payment-history', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;
export const Empty: StoryObj<ElementArgs> = { name: 'Empty (no payments yet)', args: { data: { currency: 'USD', payments: [] } } };

/** A payment partly refunded (each refund its own line, newest first) and one voided before it settled, in the account's currency (Canadian dollars). */
export const RefundsAndVoids: StoryObj<ElementArgs> = {
  name: 'Refunds and a void (CAD)',
  args: {
    data: {
      currency: 'CAD',
      payments: [
        {
          id: 3, date: '2026-11-20T15:02:00.000Z', amount: 4000, method: 'Credit card', card: { brand: 'Visa', last4: '1111' }, status: 'voided',
          message: 'Found at the gateway: voided.', refunds: [],
        },
        {
          id: 2, date: '2026-11-02T10:15:00.000Z', amount: 40399, method: 'Credit card', card: { brand: 'Visa', last4: '1111' }, status: 'approved',
          message: 'This transaction has been approved.', refunds: [{ id: 11, date: '2026-11-12T09:00:00.000Z', amount: 1500 }, { id: 12, date: '2026-11-18T09:00:00.000Z', amount: 2500 }],
        },
      ],
    },
  },
};
