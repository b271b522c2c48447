import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { FAKE_PASSWORD } from './fixtures/fake-api.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/**
 * The sign-in form, alone, over a fake API: sign in as customer@example.com,
 * headoffice@example.com or staff@example.com with the password `correct-horse-battery`.
 */
const meta: Meta<ElementArgs> = {
  title: 'Elements/bp-login',
  component: 'bp-login',
  ...elementStories<ElementArgs>({ host: 'fetcher', style: 'display: block; max-width: 24rem' }),
  args: { api: {} },
};
export default meta;
type Story = StoryObj<ElementArgs>;

/** Types into the form's fields (by id) and sends it. */
const typeAndSend =
  (values: Record<string, string>): Story['play'] =>
  async ({ canvasElement }) => {
    const root = canvasElement.querySelector('bp-login')!.shadowRoot!;
    for (const [id, value] of Object.entries(values)) root.querySelector<HTMLInputElement>(`#${id}`)!.value = value;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  };

export const SignIn: Story = {};

export const Submitting: Story = {
  name: 'Submitting (slow server)',
  args: { api: { delayMs: 60_000 } },
  play: typeAndSend({ email: 'customer@example.com', password: FAKE_PASSWORD }),
};

export const WrongPassword: Story = {
  args: { api: {} },
  play: typeAndSend({ email: 'customer@example.com', password: 'wrong-password' }),
};

export const Throttled: Story = {
  args: { api: { throttleAfter: 0 } },
  play: WrongPassword.play,
};

export const ServerUnreachable: Story = {
  args: { api: { offline: true } },
  play: WrongPassword.play,
};

export const EmptyFields: Story = {
  play: async ({ canvasElement }) => {
    canvasElement.querySelector('bp-login')!.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

export const ChooseAPassword: Story = {
  name: 'Choose a password (activation link)',
  args: { api: { validLinkToken: 'demo-link' }, 'activation-token': 'demo-link' },
};

/** A signed-in user's Change password form (the portal opens it from its header). */
export const ChangePassword: Story = {
  name: 'Change password',
  args: { api: { signedInAs: customerMe }, 'change-password': true },
};

/** Changed: the form says so, and is empty again. */
export const PasswordChanged: Story = {
  name: 'Change password: changed',
  args: ChangePassword.args,
  play: typeAndSend({ current: FAKE_PASSWORD, password: 'long-enough-password', confirm: 'long-enough-password' }),
};

/** The new password typed differently the second time. */
export const PasswordsDiffer: Story = {
  name: 'Change password: the two differ',
  args: ChangePassword.args,
  play: typeAndSend({ current: FAKE_PASSWORD, password: 'long-enough-password', confirm: 'long-enough-passw0rd' }),
};

export const Dark: Story = { ...onDarkPage, args: { api: {}, theme: 'dark' } };
export const ChangePasswordDark: Story = { ...onDarkPage, name: 'Change password (dark)', args: { ...ChangePassword.args, theme: 'dark' } };
export const French = inLanguage(EmptyFields, 'fr');
export const Spanish = inLanguage(ChooseAPassword, 'es');
export const ChangePasswordFrench = inLanguage(PasswordsDiffer, 'fr');
