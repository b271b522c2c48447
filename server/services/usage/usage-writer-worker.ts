import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { UsageImportAbandonedError } from './usage-imports.ts';
import { insertUsageRows, usageTotalsAccumulator, type UsageWriterMessage, type UsageWriterReply } from './usage-rows.ts';

/**
 * The other half of a usage import: takes batches of checked rows from the thread that parses
 * the file and writes them on a connection of its own, so parsing and writing overlap.
 */
const { dbPath, importId } = workerData as { dbPath: string; importId: number };
const sqlite = new Database(dbPath);
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('synchronous = NORMAL');
sqlite.pragma('cache_size = -65536');
sqlite.pragma('foreign_keys = ON');
const write = insertUsageRows(sqlite, importId);
const totals = usageTotalsAccumulator();
const reply = (message: UsageWriterReply) => parentPort!.postMessage(message);

parentPort!.on('message', (message: UsageWriterMessage) => {
  if (message.type === 'close') {
    reply({ type: 'totals', rows: totals.rows() });
    sqlite.close();
    parentPort!.close();
    return;
  }
  try {
    const inserted = write(message.params);
    totals.add(message.params);
    reply({ type: 'written', inserted });
  } catch (err) {
    reply({ type: 'failed', message: (err as Error).message, abandoned: err instanceof UsageImportAbandonedError });
  }
});
