import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[], unknown>;

const counts = new WeakMap<Database.Database, { writes: number }>();
const RUN_METHODS = ['run', 'get', 'all', 'iterate'] as const;

/**
 * Counts the statements that may write which this connection runs, so the read cache can tell in
 * a property read that the connection wrote since an answer was kept. It asked SQLite's
 * `total_changes()` instead: a statement of its own, ~2 µs, run by every cached read of every
 * request (three or four per request).
 *
 * Every statement made with `prepare` (drizzle's too: it prepares through the same connection)
 * that SQLite does not call read-only counts on each run, whether or not it changed a row, and so
 * does every `exec`. Erring that way only makes the cache read again. `pragma()` goes around
 * `prepare`: no pragma the portal sets changes rows the cache keeps.
 */
export function countWrites(sqlite: Database.Database): void {
  const count = { writes: 0 };
  counts.set(sqlite, count);
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source) as Statement;
    if (!statement.readonly) countRuns(statement, count);
    return statement;
  }) as typeof sqlite.prepare;
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (source: string) => {
    count.writes++;
    return exec(source);
  };
}

function countRuns(statement: Statement, count: { writes: number }): void {
  for (const method of RUN_METHODS) {
    const run = statement[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(statement, method, {
      value(this: Statement, ...args: unknown[]) {
        count.writes++;
        return run.apply(this, args);
      },
    });
  }
}

/** How many statements that may write this connection has run; undefined for one `countWrites` never saw. */
export function writesOf(sqlite: Database.Database): number | undefined {
  return counts.get(sqlite)?.writes;
}
