import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../account-search/account-search.ts';
import { PortalHost } from '../base/portal-host.ts';
import { stateStyles } from '../base/task-states.ts';
import type { PortalContext } from '../context/portal-context.ts';
import '../login/login.ts';
import { controlStyles } from '../styles/controls.ts';
import { hostStyles } from '../styles/tokens.ts';
import { portalStyles } from './portal.styles.ts';
import { SECTIONS, type Section } from './sections.ts';

/**
 * @summary The whole portal: sign-in, then the guide's navigation and its sections.
 * Touches nothing outside itself: no global styles, no URL or history changes.
 *
 * @slot brand - The provider's logo and name (default: a text logo of `provider-name`).
 * @fires bp-login - A user signed in.
 * @fires bp-logout - The user signed out.
 * @fires bp-account-change - The account shown changed.
 * @csspart header - The top bar.
 * @csspart nav - The navigation.
 * @csspart main - The section area.
 */
@customElement('bp-portal')
export class BpPortal extends PortalHost {
  static override styles = [hostStyles, controlStyles, stateStyles, portalStyles];

  /** The provider's name, shown by the default brand. */
  @property({ attribute: 'provider-name' }) providerName = 'Harbourline Communications';
  /** Token of an invitation link: opens the choose-a-password form. */
  @property({ attribute: 'activation-token' }) activationToken = '';
  /** Token of a password-reset link: opens the choose-a-new-password form. */
  @property({ attribute: 'reset-token' }) resetToken = '';

  @state() private sectionId = SECTIONS[0]!.id;
  @query('main h1') private heading?: HTMLElement;

  private get sections(): Section[] {
    return SECTIONS.filter((s) => s.appliesTo(this.portal));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const previous = (changed as PropertyValues).get('portal') as PortalContext | undefined;
    if (!previous) return;
    // A section that does not apply to the new account (or user) falls back to the first.
    if (!this.sections.some((s) => s.id === this.sectionId)) this.sectionId = SECTIONS[0]!.id;
    if (previous.status === 'signed-in' && this.portal.status === 'signed-out') this.sectionId = SECTIONS[0]!.id;
    // A location opened from Sub Accounts opens on its My Account, not on its (empty) Sub Accounts.
    if (previous.currentAccount !== this.portal.currentAccount && this.sectionId === 'sub-accounts') this.sectionId = SECTIONS[0]!.id;
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('portal') as PortalContext | undefined;
    if (!previous) return;
    // After sign-in, and after the account changes, put the reader at the top of the new screen.
    const signedInNow = previous.status !== 'signed-in' && this.portal.status === 'signed-in';
    if (signedInNow || previous.currentAccount !== this.portal.currentAccount) void this.updateComplete.then(() => this.heading?.focus());
  }

  private go(section: Section) {
    this.sectionId = section.id;
    void this.updateComplete.then(() => this.heading?.focus());
  }

  private brand() {
    return html`<slot name="brand"><span class="logo-mark" aria-hidden="true">${this.providerName.charAt(0)}</span>${this.providerName}</slot>`;
  }

  private renderSignIn() {
    return html`
      <div class="sign-in">
        <div class="brand-panel">
          <span class="brand-name">${this.brand()}</span>
          <span class="muted">Billing portal: your balance, usage, invoices and payments.</span>
        </div>
        <div class="panel">
          ${this.unavailableMessage
            ? html`<div class="alert" role="alert">
                <p>${this.unavailableMessage}</p>
                <button class="button secondary" type="button" @click=${() => void this.refresh()}>Try again</button>
              </div>`
            : html`<bp-login activation-token=${this.activationToken} reset-token=${this.resetToken}></bp-login>`}
        </div>
      </div>
    `;
  }

  private renderAccountSwitcher() {
    const { accounts, currentAccount } = this.portal;
    if (accounts.length < 2) return nothing;
    return html`
      <label for="account-switcher">Account</label>
      <select id="account-switcher" @change=${(e: Event) => this.selectAccount((e.target as HTMLSelectElement).value)}>
        ${accounts.map(
          (a) => html`<option value=${a.number} ?selected=${a.number === currentAccount}>${a.parentNumber ? '↳ ' : ''}${a.number} — ${a.name}</option>`,
        )}
      </select>
    `;
  }

  private renderMain() {
    const account = this.portal.accounts.find((a) => a.number === this.portal.currentAccount);
    if (!account) {
      return this.portal.canSearchAccounts
        ? html`<h1 tabindex="-1">Customer accounts</h1><bp-account-search></bp-account-search>`
        : html`<h1 tabindex="-1">No accounts</h1><p>Your sign-in is not linked to any account yet. Please contact us.</p>`;
    }
    const section = this.sections.find((s) => s.id === this.sectionId) ?? this.sections[0]!;
    // A location opened from its head office: the way back, on every screen.
    const headOffice = account.parentNumber ? this.portal.accounts.find((a) => a.number === account.parentNumber) : undefined;
    return html`
      <div>
        ${headOffice
          ? html`<p class="back-to-head-office"><button class="link-button" type="button" @click=${() => this.selectAccount(headOffice.number)}>← Back to head office ${headOffice.name} (${headOffice.number})</button></p>`
          : nothing}
        <h1 tabindex="-1">${section.title}</h1>
        <p class="subtitle">${account.name} · ${account.number}</p>
      </div>
      ${section.render(this.portal)}
    `;
  }

  private renderSignedIn() {
    const { user, canSearchAccounts, currentAccount } = this.portal;
    const sections = currentAccount ? this.sections : [];
    return html`
      <header part="header">
        <span class="brand">${this.brand()}</span>
        ${this.renderAccountSwitcher()}
        ${canSearchAccounts && currentAccount
          ? html`<button class="link-button" type="button" @click=${() => this.showAccountLookup()}>Find another account</button>`
          : nothing}
        <span class="user">
          <span>${user?.name}</span>
          <button class="link-button" type="button" @click=${() => void this.signOut()}>Logout</button>
        </span>
      </header>
      ${sections.length
        ? html`<nav part="nav" aria-label="Portal sections">
            <ul>
              ${sections.map(
                (s) => html`<li>
                  <button type="button" aria-current=${s.id === this.sectionId ? 'page' : 'false'} @click=${() => this.go(s)}>${s.label}</button>
                </li>`,
              )}
            </ul>
          </nav>`
        : nothing}
      <main part="main">${this.renderMain()}</main>
    `;
  }

  protected override render() {
    switch (this.portal.status) {
      case 'checking':
        return html`<p class="centered state loading" role="status"><span class="spinner" aria-hidden="true"></span>Loading the billing portal…</p>`;
      case 'signed-out':
        return this.renderSignIn();
      case 'signed-in':
        return this.renderSignedIn();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-portal': BpPortal;
  }
}
