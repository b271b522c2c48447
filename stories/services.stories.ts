import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, headOfficeMe } from './fixtures/accounts.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The guide's Services: a row per location with its count of services; a row opens its subscriptions. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-services', component: 'bp-services', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
export const Populated = states.Populated;
export const Dark = states.Dark;
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;

export const Empty: StoryObj<ElementArgs> = { name: 'Empty (no services yet)', args: { api: { signedInAs: customerMe, noServices: true } } };

/** Opens the first location once the table is there. */
async function openFirstLocation({ canvasElement }: { canvasElement: HTMLElement }) {
  const services = canvasElement.querySelector('bp-services')!;
  for (let i = 0; i < 50 && !services.shadowRoot?.querySelector('tbody button'); i++) await new Promise((r) => setTimeout(r, 50));
  services.shadowRoot!.querySelector<HTMLElement>('tbody button')!.click();
}

/** A head office with its sub-accounts' locations, one opened, ended subscriptions shown. */
export const HeadOfficeRolledUp: StoryObj<ElementArgs> = {
  name: 'A head office rolled up',
  args: { api: { signedInAs: headOfficeMe }, rollup: true, 'show-ended': true },
  play: openFirstLocation,
};

/** 320 px wide with a location opened: its subscriptions stack too. */
export const PhoneOpened: StoryObj<ElementArgs> = { ...states.Phone, name: 'Phone, a location opened', play: openFirstLocation };
