import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { USAGE } from './fixtures/summaries.ts';
import { accountWidgetStories, onDarkPage, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-usage-meter theme=${theme}></bp-usage-meter>`, customerMe);

/** The guide's Current Usage, with the month-end projection. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-usage-meter', component: 'bp-usage-meter', render: states.render };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Line 001835 near half its 10,000 minutes. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;
/** Two plans, one heading past its included minutes: the warning. */
export const OverPace: StoryObj = {
  name: 'Over pace (warning)',
  render: () => html`<bp-usage-meter .data=${USAGE.C200100}></bp-usage-meter>`,
};
export const OverPaceDark: StoryObj = {
  name: 'Over pace, dark',
  render: () => html`<bp-usage-meter theme="dark" .data=${USAGE.C200100}></bp-usage-meter>`,
  ...onDarkPage,
};
export const Empty: StoryObj = {
  name: 'Empty (no voice plan)',
  render: () => html`<bp-usage-meter .data=${[]}></bp-usage-meter>`,
};
