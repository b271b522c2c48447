import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.throttled'
  | 'logout'
  | 'password.changed'
  | 'password.change_failure'
  | 'password.change_throttled'
  | 'password.reset_requested'
  | 'user.activated'
  | 'user.invited'
  | 'user.access_revoked'
  | 'account.created'
  | 'demo.reset'
  | 'backup.made'
  | 'mail.send_now'
  | 'mail.given_up_cleared'
  | 'import.imported'
  | 'import.rejected'
  | 'billing.run'
  | 'payment.card'
  | 'autopay.enrolled'
  | 'autopay.cancelled'
  | 'autopay.run'
  | 'reseller.created'
  | 'reseller.updated'
  | 'reseller.key_rotated'
  | 'portal_session.issued'
  | 'portal_session.denied'
  | 'portal_session.exchanged'
  | 'portal_session.refused';

export interface AuditEntry {
  action: AuditAction;
  actorUserId?: string | null;
  accountId?: number | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one event to the audit log. Never put secrets (passwords, tokens) in `detail`. */
export function audit(db: Db, entry: AuditEntry, at: Date = new Date()): void {
  prepared(db, 'audit.insert', () => db.$client.prepare('insert into audit_log (at, action, actor_user_id, account_id, ip, detail) values (?, ?, ?, ?, ?, ?)')).run(
    at.toISOString(),
    entry.action,
    entry.actorUserId ?? null,
    entry.accountId ?? null,
    entry.ip ?? null,
    entry.detail ? JSON.stringify(entry.detail) : null,
  );
}
