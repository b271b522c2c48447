import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BpLogin } from '../../components/login/login.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { expectAccessibleInBothThemes, FAKE_PASSWORD, shadow, signIn, waitFor } from './helpers.ts';

async function loginWith(options: FakeApiOptions = {}, attrs: { activationToken?: string } = {}) {
  const api = createFakeApi(options);
  const login = await fixture<BpLogin>(
    html`<bp-login .fetcher=${api.fetch} activation-token=${attrs.activationToken ?? ''}></bp-login>`,
  );
  return { login, api, root: shadow(login) };
}

const alertText = (root: ShadowRoot) => root.querySelector('[role=alert]')!.textContent!.trim();

describe('<bp-login>', () => {
  it('shows the guide’s sign-in form and passes an accessibility check', async () => {
    const { login, root } = await loginWith();
    const email = root.querySelector<HTMLInputElement>('#email')!;
    const password = root.querySelector<HTMLInputElement>('#password')!;
    expect(root.querySelector('label[for=email]')!.textContent).to.equal('Username');
    expect(email.placeholder).to.equal('Enter your email address');
    expect(root.querySelector('label[for=password]')!.textContent).to.equal('Password');
    expect(password.placeholder).to.equal('Enter your password');
    expect(password.type).to.equal('password');
    expect(root.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Log in');
    await expectAccessibleInBothThemes(login);
  });

  it('signs in and fires bp-login with the user and token', async () => {
    const { login, api } = await loginWith();
    const event = oneEvent(login, 'bp-login');
    await signIn(login, 'Customer@Example.com');
    const { detail } = await event;
    expect(detail.user.email).to.equal('customer@example.com');
    expect(detail.token).to.be.a('string').and.not.empty;
    expect(api.requests).to.include('POST /api/v1/auth/login');
  });

  it('says the sign-in failed in an alert, without telling which field was wrong, and clears the password', async () => {
    const { login, root } = await loginWith();
    await signIn(login, 'customer@example.com', 'not-the-password');
    await waitFor(() => alertText(root), 'an error message');
    expect(alertText(root)).to.equal('The email or password you entered is incorrect.');
    expect(root.querySelector<HTMLInputElement>('#password')!.value).to.equal('');
    expect(root.querySelector<HTMLInputElement>('#email')!.value).to.equal('customer@example.com');

    await signIn(login, 'nobody@example.com', 'not-the-password');
    await waitFor(() => alertText(root), 'an error message');
    expect(alertText(root)).to.equal('The email or password you entered is incorrect.');
    await expect(login).to.be.accessible();
  });

  it('tells a throttled user to try later', async () => {
    const { login, root } = await loginWith({ throttleAfter: 1 });
    await signIn(login, 'customer@example.com', 'wrong-password-1');
    await waitFor(() => alertText(root), 'the first error');
    await signIn(login, 'customer@example.com', FAKE_PASSWORD);
    await waitFor(() => alertText(root).includes('try again in 15 minutes'), 'the throttle message');
  });

  it('marks empty fields, moves focus to the first, and sends nothing', async () => {
    const { login, api, root } = await loginWith();
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await login.updateComplete;
    const email = root.querySelector<HTMLInputElement>('#email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#email-error')!.textContent).to.equal('Enter your email address.');
    expect(root.querySelector('#password-error')!.textContent).to.equal('Enter your password.');
    expect(email.getAttribute('aria-describedby')).to.contain('email-error');
    await waitFor(() => root.activeElement === email, 'focus on the email field');
    expect(api.requests).to.deep.equal([]);
  });

  it('submits with Enter from the password field', async () => {
    const { login } = await loginWith();
    const root = shadow(login);
    root.querySelector<HTMLInputElement>('#email')!.value = 'customer@example.com';
    root.querySelector<HTMLInputElement>('#password')!.focus();
    const event = oneEvent(login, 'bp-login');
    await sendKeys({ type: FAKE_PASSWORD });
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.user.email).to.equal('customer@example.com');
  });

  it('says when the portal cannot be reached', async () => {
    const { login, root } = await loginWith({ offline: true });
    await signIn(login, 'customer@example.com');
    await waitFor(() => alertText(root), 'an error message');
    expect(alertText(root)).to.contain('could not reach the billing portal');
  });

  it('sends a reset link from "Forgot your password?" with the same reply for any email', async () => {
    const { login, api, root } = await loginWith();
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Forgot your password?'))!.click();
    await login.updateComplete;
    expect(root.querySelector('h2')!.textContent).to.equal('Reset your password');
    root.querySelector<HTMLInputElement>('#email')!.value = 'someone@example.com';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const status = await waitFor(() => root.querySelector('[role=status]')?.textContent?.trim(), 'the reply');
    expect(status).to.contain('a link to reset the password is on its way');
    expect(api.requests).to.include('POST /api/v1/auth/password/forgot');
    await expect(login).to.be.accessible();
  });

  describe('an activation link', () => {
    it('asks for a password of at least 12 characters, typed twice', async () => {
      const { login, api, root } = await loginWith({ validLinkToken: 'good' }, { activationToken: 'good' });
      expect(root.querySelector('h2')!.textContent).to.equal('Choose your password');
      const password = root.querySelector<HTMLInputElement>('#password')!;
      const confirm = root.querySelector<HTMLInputElement>('#confirm')!;
      password.value = 'too-short';
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await login.updateComplete;
      expect(root.querySelector('#password-error')!.textContent).to.equal('Use at least 12 characters.');

      password.value = 'long-enough-password';
      confirm.value = 'long-enough-passwords';
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await login.updateComplete;
      expect(root.querySelector('#confirm-error')!.textContent).to.equal('The two passwords do not match.');
      expect(api.requests).to.deep.equal([]);

      confirm.value = 'long-enough-password';
      const event = oneEvent(login, 'bp-login');
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await event;
      expect(api.requests).to.deep.equal(['POST /api/v1/auth/activate']);
    });

    it('explains a used or expired link and offers a new one', async () => {
      const { login, root } = await loginWith({ validLinkToken: 'good' }, { activationToken: 'used' });
      root.querySelector<HTMLInputElement>('#password')!.value = 'long-enough-password';
      root.querySelector<HTMLInputElement>('#confirm')!.value = 'long-enough-password';
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitFor(() => alertText(root), 'an error message');
      expect(alertText(root)).to.contain('invalid or has expired');
      const again = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Request a new link'));
      expect(again, 'a way to request a new link').to.exist;
      await expect(login).to.be.accessible();
    });
  });
});

describe('<bp-login change-password>', () => {
  async function changeForm() {
    const api = createFakeApi({ signedInAs: customerMe });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-login change-password></bp-login></bp-provider>`);
    const login = provider.firstElementChild as BpLogin;
    await waitFor(() => shadow(login).querySelector('#current'), 'the form');
    const root = shadow(login);
    /** Fills the three fields and sends them; resolves once the form has answered (an error under a field, or the status line). */
    const fill = async (current: string, next: string, confirm = next) => {
      for (const [id, value] of [['current', current], ['password', next], ['confirm', confirm]] as const) root.querySelector<HTMLInputElement>(`#${id}`)!.value = value;
      const sentBefore = api.requests.length;
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitFor(() => root.querySelector('.field-error') || root.querySelector('[role=status]')!.textContent!.trim() || null, 'the answer');
      return api.requests.length - sentBefore;
    };
    const errorOf = (id: string) => root.querySelector(`#${id}-error`)?.textContent?.trim();
    return { login, root, api, fill, errorOf };
  }

  it('asks for the current password and the new one twice, each labelled, and is accessible', async () => {
    const { login, root } = await changeForm();
    expect([...root.querySelectorAll('label')].map((l) => l.textContent)).to.deep.equal(['Current password', 'New password', 'Confirm new password']);
    expect([...root.querySelectorAll('input')].map((i) => i.autocomplete)).to.deep.equal(['current-password', 'new-password', 'new-password']);
    expect(root.querySelector('button[type=submit]')!.textContent!.trim()).to.equal('Change password');
    await expectAccessibleInBothThemes(login);
  });

  it('says what is wrong under the field, sending nothing it can tell is wrong; a wrong current password is the server’s answer', async () => {
    const { root, api, fill, errorOf } = await changeForm();
    await fill('', 'long-enough-password');
    expect(errorOf('current')).to.equal('Enter your current password.');
    await fill(FAKE_PASSWORD, 'short');
    expect(errorOf('password')).to.equal('Use at least 12 characters.');
    await fill(FAKE_PASSWORD, 'long-enough-password', 'long-enough-passw0rd');
    expect(errorOf('confirm')).to.equal('The two passwords do not match.');
    expect(api.requests.filter((r) => r.includes('password/change'))).to.have.length(0);
    root.querySelector<HTMLInputElement>('#confirm')!.dispatchEvent(new Event('input'));
    await waitFor(() => !root.querySelector('.field-error') || null, 'the error cleared as the field is typed in');
    await fill('not-my-password', 'long-enough-password');
    await waitFor(() => errorOf('current') || null, 'the server’s answer');
    expect(errorOf('current')).to.equal('The current password is incorrect.');
    expect(root.activeElement?.id).to.equal('current', 'focus on the field to fix');
    expect(root.querySelector<HTMLInputElement>('#current')!.value).to.equal('', 'the wrong password is not left in the field');
  });

  it('changes it, says so, and empties the form', async () => {
    const { root, api, fill } = await changeForm();
    await fill(FAKE_PASSWORD, 'long-enough-password');
    expect(api.requests).to.include('POST /api/v1/auth/password/change');
    await waitFor(() => root.querySelector('[role=status]')!.textContent!.trim() || null, 'the status line');
    expect(root.querySelector('[role=status]')!.textContent!.trim()).to.equal('Your password was changed. Anywhere else you were signed in, you have been signed out.');
    expect([...root.querySelectorAll('input')].map((i) => i.value)).to.deep.equal(['', '', '']);
  });
});
