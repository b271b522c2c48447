import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { chargeQuestionDraft } from '../components/tickets/charge-question.ts';
import { customerMe } from './fixtures/accounts.ts';
import type { FakeApiOptions } from './fixtures/fake-api.ts';
import { invoiceDetail } from './fixtures/invoices.ts';
import { SUBSCRIBERS } from './fixtures/tickets.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/** A new ticket: subject, service, subscriber, message and files. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-ticket-form', component: 'bp-ticket-form', ...elementStories<ElementArgs>({ host: 'provider' }) };
export default meta;
type Story = StoryObj<ElementArgs>;

const customer = (more: FakeApiOptions = {}): FakeApiOptions => ({ signedInAs: customerMe, ...more });
const chargeQuestion = () => chargeQuestionDraft(invoiceDetail('C123456', 1000)!, invoiceDetail('C123456', 1000)!.lines[3]!);

export const Empty: Story = { args: { api: customer() } };
/** The subscribers still loading: the form works without them. */
export const Loading: Story = { args: { api: customer({ hangPaths: /ticket-subscribers/ }) } };
/** The subscribers could not be loaded: the ticket can be sent without one. */
export const Error: Story = { args: { api: customer({ offlinePaths: /ticket-subscribers/ }) } };
export const Dark: Story = { ...onDarkPage, args: { api: customer(), theme: 'dark' } };
export const French = inLanguage(Empty, 'fr');
/** Filled in from an invoice line. */
export const ChargeQuestion: Story = { name: 'Question about this charge', args: { api: customer(), draft: chargeQuestion() } };
/** On a phone, 320 px wide, filled in from an invoice line. */
export const Phone: Story = { args: { api: customer(), draft: chargeQuestion(), width: 320 } };
/** Sent empty: each missing field says so. */
export const Invalid: Story = {
  args: { api: customer(), subscribers: SUBSCRIBERS.C123456 },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('bp-ticket-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
