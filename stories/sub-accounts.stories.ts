import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, headOfficeMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-sub-accounts theme=${theme}></bp-sub-accounts>`, headOfficeMe);

/** The guide's Sub Accounts: the locations under a head office, what each owes, and a link to open it. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-sub-accounts', component: 'bp-sub-accounts', render: states.render };
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
  name: 'Empty (an account that is not a head office)',
  render: () => html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe }).fetch}><bp-sub-accounts></bp-sub-accounts></bp-provider>`,
};
