import { ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ApiError, call, type ApiClient } from '../api/client.ts';
import { createApiClient } from '../api/create-client.ts';
import type { AccountSummary, Brand, Me, User } from '../api/types.ts';
import { portalContext, type PortalContext, type SessionStatus } from '../context/portal-context.ts';
import { AccountStore } from '../data/account-store.ts';
import { BpAccountChangeEvent, BpLogoutEvent } from '../events/host.ts';
import { brandStyleSheet } from './brand-colors.ts';
import { LocaleController } from '../i18n/localize.ts';

/**
 * The session, API client and account data shared by `<bp-portal>` and `<bp-provider>`: checks
 * who is signed in (or signs in with a reseller's portal-session token), keeps the bearer token
 * in memory only, shows a reseller's brand colours, and provides it all through context.
 */
export class PortalHost extends LitElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    sessionToken: { attribute: 'session-token' },
    reseller: {},
    account: {},
    theme: { reflect: true },
    fetcher: { attribute: false },
    unavailableMessage: { state: true },
    sessionTokenMessage: { state: true },
    pageBrand: { state: true },
    sessionBrand: { state: true },
    portal: { state: true },
  };

  /** URL of the portal server; default: this page's origin. */
  apiBase = '';

  /** A bearer token for a customer the host page signed in itself (resellers). */
  token: string | null = null;

  /**
   * A portal-session token from the reseller's server (`POST /api/v1/portal-sessions`): signs
   * its customer in without a form. Single use, valid two minutes: the page gets a new one each
   * time it is served.
   */
  sessionToken = '';

  /** The reseller whose site this is (its short name): its brand shows before anyone signs in. */
  reseller = '';

  /** Account number to show first, when the user reaches it. */
  account: string | null = null;

  /** `light` (default), `dark`, or `auto` to follow the system setting. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  /** A stand-in for `fetch` (stories and tests answer from fixtures). */
  fetcher: typeof fetch | undefined = undefined;

  /** Why the session could not be checked (server unreachable), for the error screen. */
  protected unavailableMessage = '';

  /** Why a portal-session token was refused (used or expired): the page must be loaded again. */
  protected sessionTokenMessage = '';

  /** The brand the page names (`reseller`), the one the portal session came with, the one of the user's accounts. */
  private pageBrand: Brand | null = null;
  private sessionBrand: Brand | null = null;
  private userBrand: Brand | null = null;
  private appliedBrandSheet: CSSStyleSheet | null = null;

  /** The last portal-session token used (each works once), and the account it was for. */
  private exchangedToken = '';
  private sessionAccount: string | null = null;

  private readonly portalProvider = new ContextProvider(this, { context: portalContext });
  /** What every element inside is given through context (Lit wraps this accessor: setting it renders again). */
  protected get portal(): PortalContext {
    return this.portalProvider.value!;
  }
  protected set portal(value: PortalContext) {
    this.portalProvider.setValue(value);
  }

  private lookedUp: AccountSummary[] = [];
  protected readonly i18n = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    this.portal = this.contextWith({ ...this.connection(), status: 'checking' });
    void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('apiBase') || changed.has('token') || changed.has('fetcher') || changed.has('sessionToken')) && this.portal && this.hasUpdated) {
      this.portal = this.contextWith(this.connection());
      void this.refresh();
    }
    if (changed.has('reseller')) void this.loadPageBrand();
    const brands = changed as PropertyValues;
    if (brands.has('pageBrand') || brands.has('sessionBrand')) this.portal = this.contextWith({});
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('portal')) this.applyBrandColours(this.portal.brand);
  }

  /** The brand's colours as a style sheet of this element (a host page's --bp-* on the element still win). */
  private applyBrandColours(brand: Brand | null) {
    const root = this.renderRoot as ShadowRoot;
    const sheet = brandStyleSheet(brand);
    if (!sheet && !this.appliedBrandSheet) return;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== this.appliedBrandSheet), ...(sheet ? [sheet] : [])];
    this.appliedBrandSheet = sheet;
  }

  /** The brand of the reseller the page names, for the sign-in screen (public; a name it does not know shows the provider's). */
  private async loadPageBrand() {
    const reseller = this.reseller.trim();
    if (!reseller) return void (this.pageBrand = null);
    try {
      this.pageBrand = await call(this.portal.client.api.v1.brands[':reseller'].$get({ param: { reseller } }));
    } catch {
      this.pageBrand = null;
    }
  }

  /** A client for the current token, and an empty store of account data read through it. */
  private connection(): { client: ApiClient; store: AccountStore } {
    const client = createApiClient({ apiBase: this.apiBase || undefined, token: this.token, fetch: this.fetcher });
    const headOfficeOf = (number: string) => this.portal?.accounts.find((a) => a.number === number)?.parentNumber ?? null;
    return { client, store: new AccountStore(client, headOfficeOf) };
  }

  /**
   * Asks the server who is signed in (the cookie or the token) and reloads what every widget
   * inside shows: a host page calls it after changing something the portal does not know of.
   */
  async refresh(): Promise<void> {
    if (this.sessionToken && this.sessionToken !== this.exchangedToken) return this.exchangeSessionToken(this.sessionToken);
    this.unavailableMessage = '';
    this.portal.store.reloadAll();
    try {
      const me = await call(this.portal.client.api.v1.me.$get());
      this.applyMe(me);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.portal = this.contextWith({ status: 'signed-out', user: null, accounts: [], currentAccount: null });
      } else {
        this.unavailableMessage = err instanceof Error ? err.message : String(err);
        this.portal = this.contextWith({ status: 'signed-out', user: null });
      }
    }
  }

  /** Signs in with a reseller's portal-session token; a used or expired one leaves the user signed out, saying why. */
  private async exchangeSessionToken(token: string): Promise<void> {
    this.exchangedToken = token;
    this.unavailableMessage = '';
    this.sessionTokenMessage = '';
    try {
      const result = await call(this.portal.client.api.v1.auth['portal-session'].$post({ json: { token } }));
      this.sessionAccount = result.account;
      this.sessionBrand = result.brand;
      await this.signedIn(result);
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0) this.sessionTokenMessage = err.message;
      else this.unavailableMessage = err instanceof Error ? err.message : String(err);
      this.portal = this.contextWith({ status: 'signed-out', user: null, accounts: [], currentAccount: null });
    }
  }

  /** The language the signed-in user chose (null: none); `<bp-portal>` shows itself in it. */
  protected userLanguage(_language: Me['language']): void {}

  private applyMe(me: Me) {
    this.userBrand = me.brand;
    this.userLanguage(me.language);
    const accounts = [...me.accounts, ...this.lookedUp.filter((a) => !me.accounts.some((m) => m.number === a.number))];
    // The account a portal session was asked for is shown first once; after that the user's choice stands.
    const fromSession = this.sessionAccount;
    this.sessionAccount = null;
    const wanted = (this.account ?? fromSession)?.toUpperCase();
    const current =
      (wanted && accounts.find((a) => a.number === wanted)?.number) ||
      (this.portal.currentAccount && accounts.find((a) => a.number === this.portal.currentAccount)?.number) ||
      accounts[0]?.number ||
      null;
    this.portal = this.contextWith({
      status: 'signed-in',
      user: me.user,
      accounts,
      canSearchAccounts: me.canSearchAccounts,
      currentAccount: current,
    });
  }

  private contextWith(changes: Partial<PortalContext> & { status?: SessionStatus }): PortalContext {
    const previous = this.portal as PortalContext | undefined;
    return {
      ...(previous ? { client: previous.client, store: previous.store } : this.connection()),
      serverUrl: (this.apiBase || globalThis.location?.origin || '').replace(/\/$/, ''),
      status: previous?.status ?? 'checking',
      user: previous?.user ?? null,
      accounts: previous?.accounts ?? [],
      canSearchAccounts: previous?.canSearchAccounts ?? false,
      currentAccount: previous?.currentAccount ?? null,
      // The user's accounts' reseller first: who they are a customer of, wherever they sign in.
      brand: this.userBrand ?? this.sessionBrand ?? this.pageBrand,
      selectAccount: (number, summary) => this.selectAccount(number, summary),
      signedIn: (result) => this.signedIn(result),
      signOut: () => this.signOut(),
      ...changes,
    };
  }

  protected selectAccount(number: string, summary?: AccountSummary): void {
    if (summary && !this.portal.accounts.some((a) => a.number === summary.number)) {
      this.lookedUp = [...this.lookedUp, summary];
      this.portal = this.contextWith({ accounts: [...this.portal.accounts, summary] });
    }
    if (this.portal.currentAccount === number) return;
    this.portal = this.contextWith({ currentAccount: number });
    this.dispatchEvent(new BpAccountChangeEvent({ number, ...(summary ? { account: summary } : {}) }));
  }

  /** Staff: back to the account lookup. */
  protected showAccountLookup(): void {
    this.portal = this.contextWith({ currentAccount: null });
  }

  protected async signedIn(result: { token: string; user: User }): Promise<void> {
    // The token stays in memory: same-origin pages also hold the HttpOnly cookie for reloads.
    this.token = result.token;
    this.portal = this.contextWith({ ...this.connection(), user: result.user });
    await this.refresh();
  }

  protected async signOut(): Promise<void> {
    await call(this.portal.client.api.v1.auth.logout.$post()).catch(() => undefined);
    this.token = null;
    this.lookedUp = [];
    this.userBrand = null;
    this.portal = this.contextWith({ ...this.connection(), status: 'signed-out', user: null, accounts: [], currentAccount: null, canSearchAccounts: false });
    this.dispatchEvent(new BpLogoutEvent());
  }
}
