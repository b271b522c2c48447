import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, headOfficeMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-services theme=${theme}></bp-services>`, customerMe);

/** The guide's Services: a row per location with its count of services; a row opens its subscriptions. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-services', component: 'bp-services', render: states.render };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
export const Populated = states.Populated;
export const Dark = states.Dark;
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;

export const Empty: StoryObj = {
  name: 'Empty (no services yet)',
  render: () => html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe, noServices: true }).fetch}><bp-services></bp-services></bp-provider>`,
};

/** Opens the first location once the table is there. */
async function openFirstLocation({ canvasElement }: { canvasElement: HTMLElement }) {
  const services = canvasElement.querySelector('bp-services')!;
  for (let i = 0; i < 50 && !services.shadowRoot?.querySelector('tbody button'); i++) await new Promise((r) => setTimeout(r, 50));
  services.shadowRoot!.querySelector<HTMLElement>('tbody button')!.click();
}

/** A head office with its sub-accounts' locations, one opened, ended subscriptions shown. */
export const HeadOfficeRolledUp: StoryObj = {
  name: 'A head office rolled up',
  render: () =>
    html`<bp-provider .fetcher=${createFakeApi({ signedInAs: headOfficeMe }).fetch}><bp-services rollup show-ended></bp-services></bp-provider>`,
  play: openFirstLocation,
};

/** 320 px wide with a location opened: its subscriptions stack too. */
export const PhoneOpened: StoryObj<WidgetArgs> = { ...states.Phone, name: 'Phone, a location opened', play: openFirstLocation };
