import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { billedInCad, inCredit, onAutopay, summaryOf } from './fixtures/summaries.ts';
import { accountWidgetStories, onDarkPage, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/**
 * The guide's Make a payment, and Sign-up for automatic payment. The card fields are the
 * portal's real card frame, served by Storybook's dev server with the fake gateway's tokens
 * (any documented test card, e.g. 4111 1111 1111 1111); payments go to the fake API, which
 * approves them. In a static Storybook build the frame is absent.
 */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-payment-form', component: 'bp-payment-form', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Owing: the balance due is the default amount. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;

/** The form over the fake API with its account's data handed in. */
const withData = (data: NonNullable<ReturnType<typeof summaryOf>>, mode: 'pay' | 'autopay', theme: 'light' | 'dark' = 'light'): StoryObj<ElementArgs> => ({
  args: { api: { signedInAs: customerMe }, data, mode, theme },
  ...(theme === 'dark' ? onDarkPage : {}),
});

/** Nothing owed: only "Another amount". */
export const NothingDue: StoryObj<ElementArgs> = { name: 'Nothing due (empty)', ...withData(inCredit, 'pay') };

/** Billed in a currency the merchant account does not take: said before any card is typed. */
export const CardsNotTaken: StoryObj<ElementArgs> = { name: 'Billed in CAD (cards not taken)', ...withData(billedInCad(summaryOf('C123456')!), 'pay') };

/** Sign-up for automatic payment: no amount, nothing charged. */
export const SignUpForAutopay: StoryObj<ElementArgs> = { name: 'Sign-up for automatic payment', ...withData(summaryOf('C123456')!, 'autopay') };

/** Change card, for an account already on autopay; dark. */
export const ChangeCard: StoryObj<ElementArgs> = { name: 'Change card (dark)', ...withData(onAutopay(summaryOf('C123456')!), 'autopay', 'dark') };

/** Every error at once: under its field, and in one summary at the top that links to each. */
export const WithErrors: StoryObj<ElementArgs> = {
  name: 'With errors',
  ...withData(summaryOf('C123456')!, 'pay'),
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('bp-payment-form')!;
    for (let i = 0; i < 50 && !form.shadowRoot?.querySelector('#zip'); i++) await new Promise((r) => setTimeout(r, 50));
    const root = form.shadowRoot!;
    for (const id of ['city', 'zip']) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = '';
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
