import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../api/client.ts';
import type { AccountSummary, Brand, User } from '../api/types.ts';
import type { AccountStore } from '../data/account-store.ts';

export type SessionStatus = 'checking' | 'signed-out' | 'signed-in';

/** What `<bp-portal>` and `<bp-provider>` give every element inside them. */
export interface PortalContext {
  client: ApiClient;
  /** The account data every widget inside shares (a new one with each sign-in). */
  store: AccountStore;
  /** The portal server's origin (for the card frame). */
  serverUrl: string;
  status: SessionStatus;
  user: User | null;
  /** Accounts the user reaches (a staff user's list holds the accounts they looked up). */
  accounts: AccountSummary[];
  canSearchAccounts: boolean;
  /** The account the widgets show. */
  currentAccount: string | null;
  /** The reseller's brand shown instead of the provider's (white label), or null. */
  brand: Brand | null;
  selectAccount(number: string, summary?: AccountSummary): void;
  signedIn(result: { token: string; user: User }): Promise<void>;
  signOut(): Promise<void>;
}

export const portalContext = createContext<PortalContext | undefined>(Symbol('bp-portal-context'));

/** Hands `host` the context of the portal or provider it is in, and each new one (sign-in, account change); the host renders again. */
export const consumePortal = (host: ReactiveElement, set: (portal: PortalContext | undefined) => void) =>
  new ContextConsumer(host, { context: portalContext, subscribe: true, callback: set });
