import type { PropertyDeclarations } from 'lit';
import type { StoreReader } from '../data/account-store.ts';
import { StoreDataElement } from './store-data-element.ts';

/**
 * Base of the widgets that show one account's data: the current account comes from context (or
 * `account-number`), and the data is read through the store as `StoreDataElement` reads it.
 */
export abstract class AccountDataElement<T> extends StoreDataElement<T> {
  static override properties: PropertyDeclarations = {
    accountNumber: { attribute: 'account-number' },
  };

  /** The account to show; default: the portal's current account. */
  accountNumber = '';

  protected get number(): string {
    return this.accountNumber || this.portal?.currentAccount || '';
  }

  /** Reads the data of an account from the store (each read is noted: a change to it reads again). */
  protected abstract read(store: StoreReader, number: string, signal: AbortSignal): Promise<T>;

  /** What else the data depends on (filters, page): reads again, aborting the last, when it changes. */
  protected get query(): string {
    return '';
  }

  protected override get source(): string {
    return `${this.number}|${this.query}`;
  }

  protected override readData(store: StoreReader, signal: AbortSignal): Promise<T> | undefined {
    return this.number ? this.read(store, this.number, signal) : undefined;
  }
}
