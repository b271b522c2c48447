import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { noInvoices } from './fixtures/invoices.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The guide's Invoices: newest first, filtered by status and year, paged; a row opens its lines. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-invoice-list', component: 'bp-invoice-list', ...states.meta };
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

export const Empty: StoryObj<ElementArgs> = { name: 'Empty (a new account)', args: { data: noInvoices } };

/** A row opened: the invoice's lines grouped by location, its totals and payments. */
export const Opened: StoryObj<ElementArgs> = {
  args: { api: { signedInAs: customerMe } },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('bp-invoice-list')!;
    for (let i = 0; i < 50 && !list.shadowRoot?.querySelector('tr.invoice'); i++) await new Promise((r) => setTimeout(r, 50));
    list.shadowRoot!.querySelector<HTMLElement>('tr.invoice:nth-child(3) button')!.click();
  },
};

/** A download that fails: the list says which invoice and why. */
export const DownloadFails: StoryObj<ElementArgs> = {
  name: 'Download fails',
  args: { api: { signedInAs: customerMe, offlinePaths: /\/pdf$/ } },
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('bp-invoice-list')!;
    for (let i = 0; i < 50 && !list.shadowRoot?.querySelector('tr.invoice'); i++) await new Promise((r) => setTimeout(r, 50));
    list.shadowRoot!.querySelector<HTMLElement>('tr.invoice button[aria-label^="Download"]')!.click();
  },
};
