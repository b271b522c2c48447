import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema.ts';
import { accountBalanceCents, INVOICE_BALANCE_SQL } from './ledger.ts';

/**
 * The guide's Sub Accounts: the locations directly under a head office, each with its balance,
 * what of it is past due, and its last invoice. An account that is not a head office has none.
 */
export function subAccountsOverview(db: Db, account: Account, today: string) {
  const sqlite = db.$client;
  const children = sqlite
    .prepare('select id, number, name, city, region, currency from accounts where parent_id = ? order by number')
    .all(account.id) as { id: number; number: string; name: string; city: string; region: string; currency: string }[];
  const pastDue = sqlite.prepare(
    `select coalesce(sum(balance), 0) from (select ${INVOICE_BALANCE_SQL} as balance from invoices i where i.account_id = ? and i.state = 'issued' and i.due_date < ?) where balance > 0`,
  );
  const lastInvoice = sqlite.prepare(
    `select number, issue_date as date, total_cents as total from invoices where account_id = ? and state = 'issued' order by issue_date desc, id desc limit 1`,
  );
  const subAccounts = children.map(({ id, ...child }) => ({
    ...child,
    balance: accountBalanceCents(db, id),
    pastDue: pastDue.pluck().get(id, today) as number,
    lastInvoice: (lastInvoice.get(id) as { number: string; date: string; total: number } | undefined) ?? null,
  }));
  return { account: account.number, isHeadOffice: children.length > 0, subAccounts };
}
