import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { noInvoices } from './fixtures/invoices.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-invoice-list theme=${theme}></bp-invoice-list>`, customerMe);

/** The guide's Invoices: newest first, filtered by status and year, paged; a row opens its lines. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-invoice-list', component: 'bp-invoice-list', render: states.render };
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

export const Empty: StoryObj = {
  name: 'Empty (a new account)',
  render: () => html`<bp-invoice-list .data=${noInvoices}></bp-invoice-list>`,
};

/** A row opened: the invoice's lines grouped by location, its totals and payments. */
export const Opened: StoryObj = {
  render: () => html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe }).fetch}><bp-invoice-list></bp-invoice-list></bp-provider>`,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('bp-invoice-list')!;
    for (let i = 0; i < 50 && !list.shadowRoot?.querySelector('tr.invoice'); i++) await new Promise((r) => setTimeout(r, 50));
    list.shadowRoot!.querySelector<HTMLElement>('tr.invoice:nth-child(3) button')!.click();
  },
};

/** A download that fails: the list says which invoice and why. */
export const DownloadFails: StoryObj = {
  name: 'Download fails',
  render: () =>
    html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe, offlinePaths: /\/pdf$/ }).fetch}><bp-invoice-list></bp-invoice-list></bp-provider>`,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('bp-invoice-list')!;
    for (let i = 0; i < 50 && !list.shadowRoot?.querySelector('tr.invoice'); i++) await new Promise((r) => setTimeout(r, 50));
    list.shadowRoot!.querySelector<HTMLElement>('tr.invoice button[aria-label^="Download"]')!.click();
  },
};
