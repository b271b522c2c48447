import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { BpAccountSearch } from '../account-search/account-search.ts';
import { PortalHost } from '../base/portal-host.ts';
import { defineElement } from '../base/define.ts';
import { renderStates, stateStyles } from '../base/task-states.ts';
import type { PortalContext } from '../context/portal-context.ts';
import { BpLogin } from '../login/login.ts';
import { controlStyles } from '../styles/controls.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { hostStyles } from '../styles/tokens.ts';
import { portalStyles } from './portal.styles.ts';
import { SECTIONS, type Section, type SectionState } from './sections.ts';
import type { TicketDraft } from '../api/types.ts';
import type { BpChargeQuestionEvent } from '../events/events.ts';
import { TicketCountsController } from '../tickets/ticket-counts.ts';
import { call } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { activeLocale, langOf, LANGUAGES, localeOf } from '../i18n/localize.ts';

/** The name shown when neither the page (`provider-name`) nor a reseller's brand gives one. */
const DEFAULT_PROVIDER_NAME = 'Harbourline Communications';

/**
 * @summary The whole portal: sign-in, then the guide's navigation and its sections.
 * Touches nothing outside itself: no global styles, no URL or history changes.
 * A reseller's customer sees the reseller's brand (name, logo, support contact, colours) from
 * its record: that of the user's accounts once signed in, of the portal session, or of the
 * `reseller` the page names on the sign-in screen. `provider-name`, the `brand` and `support`
 * slots and `--bp-*` set on the element override it.
 *
 * @slot brand - The logo and name (default: the brand's logo, or a letter mark, and its name).
 * @slot support - How to reach customer care (default: the brand's support email, phone and web page).
 * @fires bp-login - A user signed in.
 * @fires bp-logout - The user signed out.
 * @fires bp-account-change - The account shown changed.
 * @fires bp-ticket-created - A ticket was created (from Tickets).
 * @csspart header - The top bar.
 * @csspart nav - The navigation.
 * @csspart main - The section area.
 * @csspart logo - The brand's logo image.
 * @csspart support - The support contact line (sign-in screen and footer).
 */
export class BpPortal extends PortalHost {
  static readonly tag = 'bp-portal';
  /** The sections' elements are not among them: each section's code loads when it is first shown (`sectionCode`). */
  static readonly elements = [BpLogin, BpAccountSearch];
  static override properties: PropertyDeclarations = {
    providerName: { attribute: 'provider-name' },
    activationToken: { attribute: 'activation-token' },
    resetToken: { attribute: 'reset-token' },
    ticket: { type: Number },
    sectionId: { state: true },
    ticketDraft: { state: true },
    languageError: { state: true },
  };

  static override styles = [hostStyles, controlStyles, linkButtonStyles, stateStyles, portalStyles];

  /** The name in the header and on the sign-in screen; default: the reseller's brand, else the provider's name. */
  providerName = '';
  /** Token of an invitation link: opens the choose-a-password form. */
  activationToken = '';
  /** Token of a password-reset link: opens the choose-a-new-password form. */
  resetToken = '';

  /** A ticket to open once signed in (a link from a ticket mail; with `account` for customers). */
  ticket = 0;

  private sectionId = SECTIONS[0]!.id;
  /** "Question about this charge": the new ticket's draft, until the user moves on. */
  private ticketDraft: TicketDraft | undefined;
  /** The navigation's counts, from the session's store (a ticket opened or written anywhere inside changes them). */
  private readonly ticketCounts = new TicketCountsController(this, () => this.portal);
  private get heading() {
    return this.renderRoot.querySelector<HTMLElement>('main h1');
  }
  /** Saving the language chosen failed. */
  private languageError = '';
  /** The page's own `lang` on this element before the user's language replaced it (undefined: not replaced). */
  private pageLang: string | null | undefined;

  /** The sections whose elements are registered: shown at once from then on. */
  private readonly loadedSections = new Set<string>();
  /**
   * The code of the section on screen (or about to be: My Account's starts loading while the
   * customer signs in), loaded once; a failure shows with a retry.
   */
  private readonly sectionCode = new Task(this, {
    task: async ([section]) => {
      if (this.loadedSections.has(section.id)) return true;
      try {
        for (const element of await section.load()) defineElement(element);
      } catch {
        throw new Error(msg('This screen could not be loaded. Check your connection, then try again.'));
      }
      this.loadedSections.add(section.id);
      return true;
    },
    args: () => [SECTIONS.find((s) => s.id === this.sectionId) ?? SECTIONS[0]!] as const,
  });

  /** The sections in the navigation: those that apply, and without an account only the global ones. */
  private get sections(): Section[] {
    return SECTIONS.filter((s) => s.appliesTo(this.portal) && (s.global || this.portal.currentAccount));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const previous = (changed as PropertyValues).get('portal') as PortalContext | undefined;
    if (!previous) return;
    // A section that does not apply to the new account (or user) falls back to the first.
    if (!this.sections.some((s) => s.id === this.sectionId)) this.sectionId = SECTIONS[0]!.id;
    if (previous.status === 'signed-in' && this.portal.status === 'signed-out') {
      this.sectionId = SECTIONS[0]!.id;
      this.restorePageLanguage();
    }
    // A ticket from a mail link: staff find it in their queue, customers under Tickets.
    if (previous.status !== 'signed-in' && this.portal.status === 'signed-in' && this.ticket) {
      this.sectionId = this.portal.user?.role === 'staff' ? 'queue' : 'tickets';
    }
    // A location opened from Sub Accounts opens on its My Account, not on its (empty) Sub Accounts.
    if (previous.currentAccount !== this.portal.currentAccount && this.sectionId === 'sub-accounts') this.sectionId = SECTIONS[0]!.id;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const previous = changed.get('portal') as PortalContext | undefined;
    if (!previous) return;
    // After sign-in, and after the account changes, put the reader at the top of the new screen.
    const signedInNow = previous.status !== 'signed-in' && this.portal.status === 'signed-in';
    if (signedInNow || previous.currentAccount !== this.portal.currentAccount) void this.updateComplete.then(() => this.heading?.focus());
  }

  private go(section: Section) {
    this.sectionId = section.id;
    this.ticket = 0;
    this.ticketDraft = undefined;
    void this.updateComplete.then(() => this.heading?.focus());
  }

  /** "Question about this charge" on an invoice line: a new ticket, filled in from it. */
  private askAboutCharge(e: BpChargeQuestionEvent) {
    this.ticket = 0;
    this.ticketDraft = e.detail.draft;
    this.sectionId = 'tickets';
    void this.updateComplete.then(() => this.heading?.focus());
  }

  /** Shows the portal in a language: its own `lang`, which every element inside (and the kit) follows. */
  private showIn(language: string) {
    if (this.pageLang === undefined) this.pageLang = this.getAttribute('lang');
    this.setAttribute('lang', language);
  }

  private restorePageLanguage() {
    if (this.pageLang === undefined) return;
    if (this.pageLang === null) this.removeAttribute('lang');
    else this.setAttribute('lang', this.pageLang);
    this.pageLang = undefined;
  }

  /** A signed-in user's language wins over the page's. */
  protected override userLanguage(language: Me['language']): void {
    if (language && localeOf(langOf(this)) !== language) this.showIn(language);
  }

  /** The language menu: shown at once, and saved as the user's (their PDFs and mails follow). */
  private async chooseLanguage(language: 'en' | 'fr' | 'es') {
    this.languageError = '';
    this.showIn(language);
    if (this.portal.status !== 'signed-in') return;
    try {
      await call(this.portal.client.api.v1.me.language.$put({ json: { language } }));
    } catch {
      this.languageError = msg('The language could not be saved.');
    }
  }

  private languagePicker() {
    const current = activeLocale() === 'en-XA' ? 'en' : activeLocale();
    // Each language is named in itself (translate="no"), as people look for their own.
    return html`<span class="language">
      <label class="visually-hidden" for="language">${msg('Language')}</label>
      <select id="language" translate="no" @change=${(e: Event) => void this.chooseLanguage((e.target as HTMLSelectElement).value as 'en' | 'fr' | 'es')}>
        ${LANGUAGES.map((l) => html`<option value=${l.code} lang=${l.code} ?selected=${l.code === current}>${l.name}</option>`)}
      </select>
      ${this.languageError ? html`<span role="alert">${this.languageError}</span>` : nothing}
    </span>`;
  }

  private get brandName(): string {
    return this.providerName || this.portal.brand?.name || DEFAULT_PROVIDER_NAME;
  }

  private brand() {
    const name = this.brandName;
    const logo = this.portal.brand?.logoUrl;
    // The name follows the logo as text, so the image itself says nothing more (alt="").
    const mark = logo ? html`<img class="logo" part="logo" src=${logo} alt="" />` : html`<span class="logo-mark" aria-hidden="true">${name.charAt(0)}</span>`;
    // A name, not words to translate.
    return html`<slot name="brand" translate="no">${mark}${name}</slot>`;
  }

  /** The brand's support contact, when it gives one. */
  private support() {
    const support = this.portal.brand?.support;
    const ways = [
      support?.email ? html`<a href="mailto:${support.email}">${support.email}</a>` : null,
      support?.phone ? html`<a href="tel:${support.phone.replace(/[^\d+]/g, '')}">${support.phone}</a>` : null,
      // The server takes http(s) addresses only; checked again, as this becomes a link.
      support?.url && /^https?:\/\//i.test(support.url) ? html`<a href=${support.url} target="_blank" rel="noopener">${msg('Help centre')}</a>` : null,
    ].filter((w) => w !== null);
    return html`<slot name="support">${ways.length
      ? html`<p class="support" part="support">${msg(str`Questions about your bill? ${this.brandName}:`)} ${ways.map((w, i) => html`${i ? ' · ' : ''}${w}`)}</p>`
      : nothing}</slot>`;
  }

  private renderSignIn() {
    return html`
      <div class="sign-in">
        <div class="brand-panel">
          <span class="brand-name">${this.brand()}</span>
          <span class="muted">${msg('Billing portal: your balance, usage, invoices and payments.')}</span>
          ${this.support()}
          ${this.languagePicker()}
        </div>
        <div class="panel">
          ${this.sessionTokenMessage ? html`<div class="alert" role="alert"><p>${this.sessionTokenMessage}</p></div>` : nothing}
          ${this.unavailableMessage
            ? html`<div class="alert" role="alert">
                <p>${this.unavailableMessage}</p>
                <button class="button secondary" type="button" @click=${() => void this.refresh()}>${msg('Try again')}</button>
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
      <label for="account-switcher">${msg('Account')}</label>
      <select id="account-switcher" @change=${(e: Event) => this.selectAccount((e.target as HTMLSelectElement).value)}>
        ${accounts.map(
          (a) => html`<option value=${a.number} ?selected=${a.number === currentAccount}>${a.parentNumber ? '↳ ' : ''}${a.number} — ${a.name}</option>`,
        )}
      </select>
    `;
  }

  private renderMain() {
    const state = { ticket: this.ticket, draft: this.ticketDraft };
    const chosen = this.sections.find((s) => s.id === this.sectionId);
    if (chosen?.global) return html`<div><h1 tabindex="-1">${chosen.title}</h1></div>${this.renderSection(chosen, state)}`;
    const account = this.portal.accounts.find((a) => a.number === this.portal.currentAccount);
    if (!account) {
      return this.portal.canSearchAccounts
        ? html`<h1 tabindex="-1">${msg('Customer accounts')}</h1><bp-account-search></bp-account-search>`
        : html`<h1 tabindex="-1">${msg('No accounts')}</h1><p>${msg('Your sign-in is not linked to any account yet. Please contact us.')}</p>`;
    }
    const section = chosen ?? this.sections[0]!;
    // A location opened from its head office: the way back, on every screen.
    const headOffice = account.parentNumber ? this.portal.accounts.find((a) => a.number === account.parentNumber) : undefined;
    return html`
      <div>
        ${headOffice
          ? html`<p class="back-to-head-office"><button class="link-button" type="button" @click=${() => this.selectAccount(headOffice.number)}>← ${msg(str`Back to head office ${headOffice.name} (${headOffice.number})`)}</button></p>`
          : nothing}
        <h1 tabindex="-1">${section.title}</h1>
        <p class="subtitle">${account.name} · ${account.number}</p>
      </div>
      ${this.renderSection(section, state)}
    `;
  }

  /** A section, once its code is there; until then "Loading…", or why it could not load and a retry. */
  private renderSection(section: Section, state: SectionState) {
    if (this.loadedSections.has(section.id)) return section.render(this.portal, state);
    return renderStates(this.sectionCode, undefined, { loading: msg('Loading…'), complete: () => section.render(this.portal, state) });
  }

  private renderSignedIn() {
    const { user, canSearchAccounts, currentAccount } = this.portal;
    const sections = this.sections.filter((s) => !s.fromHeader);
    const passwordSection = this.sections.find((s) => s.fromHeader);
    const onGlobalSection = Boolean(this.sections.find((s) => s.id === this.sectionId)?.global);
    return html`
      <header part="header">
        <span class="brand">${this.brand()}</span>
        ${this.renderAccountSwitcher()}
        ${canSearchAccounts && (currentAccount || onGlobalSection)
          ? html`<button class="link-button" type="button" @click=${() => this.findAccount()}>${currentAccount ? msg('Find another account') : msg('Find an account')}</button>`
          : nothing}
        <span class="user">
          ${this.languagePicker()}
          <span>${user?.name}</span>
          ${passwordSection
            ? html`<button class="link-button" type="button" aria-current=${this.sectionId === passwordSection.id ? 'page' : 'false'} @click=${() => this.go(passwordSection)}>${passwordSection.label}</button>`
            : nothing}
          <button class="link-button" type="button" @click=${() => void this.signOut()}>${msg('Logout')}</button>
        </span>
      </header>
      ${sections.length
        ? html`<nav part="nav" aria-label=${msg('Portal sections')}>
            <ul>
              ${sections.map(
                (s) => html`<li>
                  <button type="button" aria-current=${s.id === this.sectionId ? 'page' : 'false'} @click=${() => this.go(s)}>${s.label}${this.renderBadge(s)}</button>
                </li>`,
              )}
            </ul>
          </nav>`
        : nothing}
      <main part="main" @bp-charge-question=${(e: BpChargeQuestionEvent) => this.askAboutCharge(e)}>
        ${this.renderMain()}
      </main>
      <footer>${this.support()}</footer>
    `;
  }

  private renderBadge(section: Section) {
    const count = section.badge ? this.ticketCounts.counts[section.badge.count] : undefined;
    if (!section.badge || !count) return nothing;
    return html` <span class="badge" aria-hidden="true">${count}</span> <span class="visually-hidden">(${section.badge.means(count)})</span>`;
  }

  /** Staff: back to the account lookup, from an account or from the queue. */
  private findAccount() {
    this.sectionId = SECTIONS[0]!.id;
    this.ticket = 0;
    this.showAccountLookup();
  }

  protected override render() {
    switch (this.portal.status) {
      case 'checking':
        return html`<p class="centered state loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.sessionToken ? msg('Signing you in…') : msg('Loading the billing portal…')}</p>`;
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
