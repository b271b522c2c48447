import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';

/**
 * This process's lease in `process_leases`: the server and the CLI share the database, and work
 * one of them leaves waiting (a payment the gateway has not answered) must be finished by
 * another once, and only once, its owner is gone. The lease is renewed a few times per `leaseMs`
 * while the process lives; a process is gone when its lease was not renewed in `leaseMs`, was
 * released, or names a pid that no longer runs on this host (so a restart takes over at once).
 */
export function startProcessLease(db: Db, options: { now: () => number; leaseMs: number }) {
  const sqlite = db.$client;
  const id = randomUUID();
  const host = hostname();
  const renew = sqlite.prepare(
    `insert into process_leases (id, pid, host, started_at, renewed_at) values (@id, @pid, @host, @startedAt, @now)
     on conflict (id) do update set renewed_at = excluded.renewed_at`,
  );
  const lookup = sqlite.prepare('select pid, host, renewed_at as renewedAt from process_leases where id = ?');
  const startedAt = new Date(options.now()).toISOString();
  const beat = () => renew.run({ id, pid: process.pid, host, startedAt, now: options.now() });
  beat();
  const timer = setInterval(() => {
    try {
      beat();
    } catch {
      // The database was closed (shutdown, or a test's): nothing left to guard.
      clearInterval(timer);
    }
  }, Math.max(10, Math.floor(options.leaseMs / 3)));
  timer.unref();

  return {
    id,
    /** True when the process that holds `ownerId` (null: nobody) can no longer finish its work. */
    isGone(ownerId: string | null): boolean {
      if (ownerId === id) return false;
      if (ownerId === null) return true;
      const lease = lookup.get(ownerId) as { pid: number; host: string; renewedAt: number } | undefined;
      if (!lease || options.now() - lease.renewedAt > options.leaseMs) return true;
      return lease.host === host && !processRuns(lease.pid);
    },
    /** Deletes leases that expired (their work has been taken over). */
    pruneExpired() {
      sqlite.prepare('delete from process_leases where renewed_at < ?').run(options.now() - options.leaseMs);
    },
    /** At a clean stop: whatever this process still owns is free for others at once. */
    release() {
      clearInterval(timer);
      sqlite.prepare('delete from process_leases where id = ?').run(id);
    },
  };
}

export type ProcessLease = ReturnType<typeof startProcessLease>;

/** Whether a process with this id runs here (EPERM: it does, under another user). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
