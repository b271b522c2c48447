import type { Database } from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { UsageImportAbandonedError } from './usage-imports.ts';
import { insertUsageRows, usageTotalsAccumulator, type UsageTotal, type UsageWriterMessage, type UsageWriterReply } from './usage-rows.ts';

/** Where a usage import's rows go while the file is read. */
export interface UsageWriter {
  /** Stores a batch (flat rows); the promise, when there is one, settles once more may be sent. */
  write(params: unknown[]): void | Promise<void>;
  /**
   * Waits for every batch; returns how many rows were new, and the totals of every row sent
   * (which are the totals of what was stored when none was a duplicate).
   */
  finish(): Promise<{ inserted: number; totals: UsageTotal[] }>;
  /** Stops writing (the caller deletes what was written). */
  abort(): Promise<void>;
}

/** Batches in the writer's queue before the reader waits: enough to keep both threads busy, little memory. */
const MAX_IN_FLIGHT = 2;

/** Writes on the importing thread: for in-memory databases, which another thread cannot open. */
function writerOnThisThread(sqlite: Database, importId: number): UsageWriter {
  const insert = insertUsageRows(sqlite, importId);
  const totals = usageTotalsAccumulator();
  let inserted = 0;
  return {
    write(params) {
      inserted += insert(params);
      totals.add(params);
    },
    finish: async () => ({ inserted, totals: totals.rows() }),
    abort: async () => {},
  };
}

/**
 * The worker is TypeScript like the rest of the server, and Node 20 does not hand tsx's loader
 * on to worker threads: a few lines of JavaScript register it there, then load the worker.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(new URL('./usage-writer-worker.ts', import.meta.url).href)}));`;

/** Writes on a worker thread with its own connection, while this thread parses the next rows. */
function writerOnWorker(path: string, importId: number): UsageWriter {
  const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { dbPath: path, importId } });
  let inFlight = 0;
  let inserted = 0;
  let failure: Error | null = null;
  let totals: UsageTotal[] = [];
  let waiting: (() => void)[] = [];
  const wake = () => {
    const ready = waiting;
    waiting = [];
    for (const check of ready) check();
  };
  worker.on('message', (m: UsageWriterReply) => {
    if (m.type === 'totals') {
      totals = m.rows;
      return;
    }
    inFlight--;
    if (m.type === 'written') inserted += m.inserted;
    else failure ??= m.abandoned ? new UsageImportAbandonedError() : new Error(`Storing usage records failed: ${m.message}`);
    wake();
  });
  worker.on('error', (err) => {
    failure ??= err;
    inFlight = 0;
    wake();
  });
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (ready() ? resolve() : waiting.push(check));
      check();
    });
  // Settles however the worker ends, and stays settled: abort may follow finish (when the commit fails).
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  const close = () => {
    worker.postMessage({ type: 'close' } satisfies UsageWriterMessage);
    return exited;
  };
  return {
    async write(params) {
      if (failure) throw failure;
      inFlight++;
      worker.postMessage({ type: 'batch', params } satisfies UsageWriterMessage);
      await until(() => inFlight < MAX_IN_FLIGHT || failure !== null);
      if (failure) throw failure;
    },
    async finish() {
      await until(() => inFlight === 0 || failure !== null);
      if (failure) {
        await worker.terminate();
        throw failure;
      }
      await close();
      return { inserted, totals };
    },
    async abort() {
      await until(() => inFlight === 0 || failure !== null);
      if (failure) await worker.terminate();
      else await close();
    },
  };
}

export function createUsageWriter(sqlite: Database, importId: number): UsageWriter {
  return sqlite.memory ? writerOnThisThread(sqlite, importId) : writerOnWorker(sqlite.name, importId);
}
