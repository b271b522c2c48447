import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.throttled'
  | 'logout'
  | 'password.changed'
  | 'password.reset_requested'
  | 'user.activated'
  | 'user.invited'
  | 'account.created'
  | 'demo.reset'
  | 'import.imported'
  | 'import.rejected'
  | 'billing.run'
  | 'payment.card';

export interface AuditEntry {
  action: AuditAction;
  actorUserId?: string | null;
  accountId?: number | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends one event to the audit log. Never put secrets (passwords, tokens) in `detail`. */
export function audit(db: Db, entry: AuditEntry, at: Date = new Date()): void {
  db.insert(auditLog)
    .values({
      at: at.toISOString(),
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      accountId: entry.accountId ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
