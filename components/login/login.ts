import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ApiError, call, type ApiClient } from '../api/client.ts';
import { createApiClient } from '../api/create-client.ts';
import type { SignedIn } from '../api/types.ts';
import { consumePortal, type PortalContext } from '../context/portal-context.ts';
import { BpLoginEvent } from '../events/login.ts';
import { controlStyles } from '../styles/controls.ts';
import { fieldStyles } from '../styles/fields.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { hostStyles } from '../styles/tokens.ts';
import { loginStyles } from './login.styles.ts';
import { LocaleController } from '../i18n/localize.ts';

type Mode = 'sign-in' | 'forgot' | 'set-password' | 'change-password';
type Field = 'email' | 'current' | 'password' | 'confirm';
type FieldErrors = Partial<Record<Field, string>>;

const MIN_PASSWORD = 12;

/**
 * @summary The sign-in form of the guide, with "Forgot your password?" and the
 * choose-a-password form that activation and reset links open; with `change-password`, a
 * signed-in user's Change password form (the current password, then the new one twice).
 *
 * @fires bp-login - The user signed in; `detail` has the user and the bearer token.
 * @csspart form - The form.
 * @csspart submit - The main button.
 * @csspart alert - The error message area.
 */
export class BpLogin extends LitElement {
  static readonly tag = 'bp-login';
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    activationToken: { attribute: 'activation-token' },
    resetToken: { attribute: 'reset-token' },
    changePassword: { type: Boolean, attribute: 'change-password' },
    fetcher: { attribute: false },
    theme: { reflect: true },
    portal: { state: true },
    mode: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
    fieldErrors: { state: true },
    linkRefused: { state: true },
  };

  static override styles = [hostStyles, controlStyles, fieldStyles, linkButtonStyles, loginStyles];

  /** URL of the portal server, when not inside `<bp-portal>`/`<bp-provider>`; default: same origin. */
  apiBase = '';
  /** The token of an invitation link: shows the choose-a-password form. */
  activationToken = '';
  /** The token of a password-reset link: shows the choose-a-new-password form. */
  resetToken = '';
  /** The signed-in user's Change password form instead of the sign-in form; their other sessions end when it is changed. */
  changePassword = false;
  /** A stand-in for `fetch` when used alone (stories, tests). */
  fetcher: typeof fetch | undefined = undefined;
  /** `light` (default), `dark`, or `auto` to follow the system setting. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  private portal?: PortalContext;
  private readonly portalConsumer = consumePortal(this, (portal) => (this.portal = portal));

  private mode: Mode = 'sign-in';
  private busy = false;
  private error = '';
  private notice = '';
  private fieldErrors: FieldErrors = {};
  /** The link's token was refused: offer to request a new one. */
  private linkRefused = false;

  private get form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }
  private readonly i18n = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('activationToken') || changed.has('resetToken') || changed.has('changePassword')) {
      this.mode = this.changePassword ? 'change-password' : this.linkToken ? 'set-password' : this.mode === 'set-password' || this.mode === 'change-password' ? 'sign-in' : this.mode;
    }
  }

  private get linkToken() {
    return this.activationToken || this.resetToken;
  }

  private get client(): ApiClient {
    return this.portal?.client ?? createApiClient({ apiBase: this.apiBase || undefined, fetch: this.fetcher });
  }

  private switchTo(mode: Mode) {
    this.mode = mode;
    this.error = '';
    this.notice = '';
    this.fieldErrors = {};
    this.linkRefused = false;
    void this.updateComplete.then(() => this.form?.querySelector<HTMLInputElement>('input')?.focus());
  }

  private values(): Record<string, string> {
    return Object.fromEntries([...new FormData(this.form).entries()].map(([k, v]) => [k, String(v)]));
  }

  /** Shows field errors and moves focus to the first; true when there were any. */
  private showFieldErrors(errors: FieldErrors): boolean {
    this.fieldErrors = errors;
    const first = (['email', 'current', 'password', 'confirm'] as const).find((f) => errors[f]);
    if (first) void this.updateComplete.then(() => this.form.querySelector<HTMLInputElement>(`[name=${first}]`)?.focus());
    return Boolean(first);
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    this.error = '';
    this.notice = '';
    const v = this.values();
    const errors: FieldErrors = {};
    if ((this.mode === 'sign-in' || this.mode === 'forgot') && !v.email?.trim()) errors.email = msg('Enter your email address.');
    if (this.mode === 'sign-in' && !v.password) errors.password = msg('Enter your password.');
    if (this.mode === 'change-password' && !v.current) errors.current = msg('Enter your current password.');
    if (this.mode === 'set-password' || this.mode === 'change-password') {
      if ((v.password ?? '').length < MIN_PASSWORD) errors.password = msg(str`Use at least ${MIN_PASSWORD} characters.`);
      else if (v.password !== v.confirm) errors.confirm = msg('The two passwords do not match.');
    }
    if (this.showFieldErrors(errors)) return;

    this.busy = true;
    try {
      if (this.mode === 'forgot') {
        const reply = await call(this.client.api.v1.auth.password.forgot.$post({ json: { email: v.email! } }));
        this.notice = reply.message;
      } else if (this.mode === 'change-password') {
        await call(this.client.api.v1.auth.password.change.$post({ json: { currentPassword: v.current!, newPassword: v.password! } }));
        this.form.reset();
        this.notice = msg('Your password was changed. Anywhere else you were signed in, you have been signed out.');
      } else {
        const result = await this.signIn(v);
        this.dispatchEvent(new BpLoginEvent({ user: result.user, token: result.token }));
        await this.portal?.signedIn(result);
      }
    } catch (err) {
      this.handleError(err);
    } finally {
      this.busy = false;
    }
  }

  private signIn(v: Record<string, string>): Promise<SignedIn> {
    const auth = this.client.api.v1.auth;
    if (this.mode === 'sign-in') return call(auth.login.$post({ json: { email: v.email!, password: v.password! } }));
    const json = { token: this.linkToken, password: v.password! };
    return this.activationToken ? call(auth.activate.$post({ json })) : call(auth.password.reset.$post({ json }));
  }

  private handleError(err: unknown) {
    const passwordInput = this.form.querySelector<HTMLInputElement>(this.mode === 'change-password' ? '[name=current]' : '[name=password]');
    if (passwordInput && (this.mode === 'sign-in' || this.mode === 'change-password')) passwordInput.value = '';
    if (!(err instanceof ApiError)) {
      this.error = msg('Something went wrong. Please try again.');
      return;
    }
    if (err.code === 'VALIDATION' && err.issues.length) {
      const errors: FieldErrors = {};
      // The API names the change form's fields currentPassword and newPassword.
      const fields: Record<string, Field> = { email: 'email', password: 'password', currentPassword: 'current', newPassword: 'password' };
      for (const issue of err.issues) if (fields[issue.path]) errors[fields[issue.path]!] = issue.message;
      if (this.showFieldErrors(errors)) return;
    }
    this.linkRefused = err.code === 'TOKEN_INVALID';
    this.error = err.message;
  }

  private field(name: Field, label: string, attrs: { type: string; placeholder?: string; autocomplete: string; hint?: string }) {
    const error = this.fieldErrors[name];
    const describedBy = [attrs.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        <input
          id=${name}
          name=${name}
          type=${attrs.type}
          placeholder=${attrs.placeholder ?? nothing}
          autocomplete=${attrs.autocomplete}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @input=${() => error && (this.fieldErrors = { ...this.fieldErrors, [name]: undefined })}
        />
        ${attrs.hint ? html`<span class="hint" id="${name}-hint">${attrs.hint}</span>` : nothing}
        ${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing}
      </div>
    `;
  }

  private renderFields() {
    switch (this.mode) {
      case 'sign-in':
        return html`
          ${this.field('email', msg('Username'), { type: 'email', placeholder: msg('Enter your email address'), autocomplete: 'username' })}
          ${this.field('password', msg('Password'), { type: 'password', placeholder: msg('Enter your password'), autocomplete: 'current-password' })}
          <div class="actions">
            <button class="button" part="submit" type="submit" ?disabled=${this.busy}>${this.busy ? msg('Logging in…') : msg('Log in')}</button>
            <button class="link-button" type="button" @click=${() => this.switchTo('forgot')}>${msg('Forgot your password?')}</button>
          </div>
        `;
      case 'forgot':
        return html`
          <h2>${msg('Reset your password')}</h2>
          <p class="intro">${msg('Enter the email address you sign in with. We will send you a link to choose a new password.')}</p>
          ${this.field('email', msg('Email address'), { type: 'email', placeholder: msg('Enter your email address'), autocomplete: 'username' })}
          <div class="actions">
            <button class="button" part="submit" type="submit" ?disabled=${this.busy}>${this.busy ? msg('Sending…') : msg('Send reset link')}</button>
            <button class="link-button" type="button" @click=${() => this.switchTo('sign-in')}>${msg('Back to sign in')}</button>
          </div>
        `;
      case 'change-password':
        return html`
          <h2>${msg('Change password')}</h2>
          ${this.field('current', msg('Current password'), { type: 'password', autocomplete: 'current-password' })}
          ${this.field('password', msg('New password'), { type: 'password', autocomplete: 'new-password', hint: msg(str`At least ${MIN_PASSWORD} characters.`) })}
          ${this.field('confirm', msg('Confirm new password'), { type: 'password', autocomplete: 'new-password' })}
          <div class="actions">
            <button class="button" part="submit" type="submit" ?disabled=${this.busy}>${this.busy ? msg('Saving…') : msg('Change password')}</button>
          </div>
        `;
      case 'set-password':
        return html`
          <h2>${this.activationToken ? msg('Choose your password') : msg('Choose a new password')}</h2>
          ${this.field('password', msg('New password'), { type: 'password', autocomplete: 'new-password', hint: msg(str`At least ${MIN_PASSWORD} characters.`) })}
          ${this.field('confirm', msg('Confirm new password'), { type: 'password', autocomplete: 'new-password' })}
          <div class="actions">
            <button class="button" part="submit" type="submit" ?disabled=${this.busy}>${this.busy ? msg('Saving…') : msg('Save password and sign in')}</button>
            ${this.linkRefused
              ? html`<button class="link-button" type="button" @click=${() => this.switchTo('forgot')}>${msg('Request a new link')}</button>`
              : nothing}
          </div>
        `;
    }
  }

  protected override render() {
    return html`
      <form part="form" novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="alert" part="alert" role="alert">${this.error}</div>
        ${this.renderFields()}
        <div class="alert info" role="status">${this.notice}</div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-login': BpLogin;
  }
}
