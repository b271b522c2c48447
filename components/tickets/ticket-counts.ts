import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { PortalContext } from '../context/portal-context.ts';
import type { ReadKey } from '../data/account-store.ts';
import { unreadTickets, waitingTickets } from '../data/ticket-resources.ts';
import { StoreListener } from '../data/store-listener.ts';

/** The current account's tickets with an unread reply; for staff, the tickets of every account waiting for an answer. */
export interface TicketCounts {
  unread?: number;
  waiting?: number;
}

/** A count that cannot be read is left out: the sections themselves say what failed. */
const leftOutOnError = (reading: Promise<number> | undefined) => reading?.catch(() => undefined);

/**
 * The counts the portal's navigation shows, read through the session's store: a ticket written
 * or opened anywhere in the portal changes them at once. Counts of an account the user has since
 * left are not shown.
 */
export class TicketCountsController {
  private readonly task;

  constructor(
    host: ReactiveControllerHost & Element,
    private readonly portal: () => PortalContext | undefined,
  ) {
    this.task = new Task(host, {
      task: async ([store, number, staff], { signal }) => {
        if (!store) return undefined;
        const [unread, waiting] = await Promise.all([
          leftOutOnError(number ? store.read(unreadTickets, number, undefined, signal) : undefined),
          leftOutOnError(staff ? store.read(waitingTickets, '', undefined, signal) : undefined),
        ]);
        const counts: TicketCounts = { ...(unread !== undefined ? { unread } : {}), ...(waiting !== undefined ? { waiting } : {}) };
        return { for: `${number}|${staff}`, counts };
      },
      args: () => [this.portal()?.store, this.account, this.staff] as const,
    });
    new StoreListener(host, () => this.portal()?.store, (change) => {
      if (this.reads.some((key) => change.affects(key))) void this.task.run();
    });
  }

  get counts(): TicketCounts {
    const value = this.task.value;
    return value?.for === `${this.account}|${this.staff}` ? value.counts : {};
  }

  private get account(): string | null {
    const portal = this.portal();
    return portal?.status === 'signed-in' ? portal.currentAccount : null;
  }

  private get staff(): boolean {
    const portal = this.portal();
    return portal?.status === 'signed-in' && portal.user?.role === 'staff';
  }

  /** What the counts are read from: a change to either reads them again. */
  private get reads(): ReadKey[] {
    const number = this.account;
    return [
      ...(number ? [{ resource: unreadTickets as ReadKey['resource'], number }] : []),
      ...(this.staff ? [{ resource: waitingTickets as ReadKey['resource'], number: '' }] : []),
    ];
  }
}
