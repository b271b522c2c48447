import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { chargeQuestionDraft } from '../components/tickets/charge-question.ts';
import { customerMe } from './fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { invoiceDetail } from './fixtures/invoices.ts';
import { SUBSCRIBERS } from './fixtures/tickets.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

/** A new ticket: subject, service, subscriber, message and files. */
const meta: Meta = { title: 'Widgets/bp-ticket-form', component: 'bp-ticket-form' };
export default meta;

const inProvider = (api: FakeApiOptions, form: ReturnType<typeof html>) => html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe, ...api }).fetch}>${form}</bp-provider>`;

export const Empty: StoryObj = { render: () => inProvider({}, html`<bp-ticket-form></bp-ticket-form>`) };
/** The subscribers still loading: the form works without them. */
export const Loading: StoryObj = { render: () => inProvider({ hangPaths: /ticket-subscribers/ }, html`<bp-ticket-form></bp-ticket-form>`) };
/** The subscribers could not be loaded: the ticket can be sent without one. */
export const Error: StoryObj = { render: () => inProvider({ offlinePaths: /ticket-subscribers/ }, html`<bp-ticket-form></bp-ticket-form>`) };
export const Dark: StoryObj = { ...onDarkPage, render: () => inProvider({}, html`<bp-ticket-form theme="dark"></bp-ticket-form>`) };
export const French = inLanguage(Empty, 'fr');
/** Filled in from an invoice line. */
export const ChargeQuestion: StoryObj = {
  name: 'Question about this charge',
  render: () => inProvider({}, html`<bp-ticket-form .draft=${chargeQuestionDraft(invoiceDetail('C123456', 1000)!, invoiceDetail('C123456', 1000)!.lines[3]!)}></bp-ticket-form>`),
};
/** On a phone, 320 px wide, filled in from an invoice line. */
export const Phone: StoryObj = {
  render: () =>
    html`<div style="width: 320px">
      ${inProvider({}, html`<bp-ticket-form .draft=${chargeQuestionDraft(invoiceDetail('C123456', 1000)!, invoiceDetail('C123456', 1000)!.lines[3]!)}></bp-ticket-form>`)}
    </div>`,
};
/** Sent empty: each missing field says so. */
export const Invalid: StoryObj = {
  render: () => inProvider({}, html`<bp-ticket-form .subscribers=${SUBSCRIBERS.C123456}></bp-ticket-form>`),
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('bp-ticket-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
