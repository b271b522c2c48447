import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';

export interface Recipient {
  email: string;
  name: string;
  language: string | null;
}

/**
 * Who hears about an account's bills and tickets: every customer user who reaches it (its own
 * and its head offices' users), once each, who has set a password (an invitation not yet taken
 * up gets nothing else by mail).
 */
export function recipientsOf(db: Db, accountId: number): Recipient[] {
  return prepared(db, 'accounts.recipients', () =>
    db.$client.prepare(
      `WITH RECURSIVE up(id) AS (
         SELECT ? UNION SELECT a.parent_id FROM accounts a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL
       )
       SELECT DISTINCT u.email, u.name, u.language FROM account_users au JOIN up ON au.account_id = up.id JOIN users u ON u.id = au.user_id
       WHERE u.role = 'customer' AND u.password_hash IS NOT NULL ORDER BY u.email`,
    ),
  ).all(accountId) as Recipient[];
}
