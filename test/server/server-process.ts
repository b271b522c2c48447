import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/db/client.ts';

export const PROVIDER_KEY = 'provider-key-for-the-tests-0123456789';

export const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

export interface ServerProcess {
  url: string;
  databasePath: string;
  /** A connection of the test's own to the server's database, as another process would have. */
  db: Db;
  /** The server's peak resident memory so far, in MB (Linux: VmHWM). */
  peakMemoryMb(): number;
  stop(): Promise<void>;
}

/**
 * The real server (`server/index.ts`) as a child process on a fresh database file and a free
 * port, for what only a process shows: memory, and several processes sharing one database.
 * `prepare` fills the database before the server opens it.
 */
export async function startServer(env: Record<string, string> = {}, prepare?: (db: Db) => Promise<void>): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-server-'));
  const databasePath = join(dir, 'portal.db');
  const db = openDatabase(databasePath);
  await prepare?.(db);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, OUTBOX_DIR: join(dir, 'outbox'), DEMO_DATA: 'false', PROVIDER_API_KEY: PROVIDER_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  await new Promise<void>((ready, fail) => {
    const check = () => output.includes('Billing portal:') && (child.stdout.off('data', check), ready());
    child.stdout.on('data', check);
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databasePath,
    db,
    peakMemoryMb() {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]!;
      return Number(kb) / 1024;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((done) => child.once('exit', done));
      }
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SlowUpload {
  /** Sends more of the body. */
  send(text: string): Promise<void>;
  /** Ends the body; resolves with the reply. */
  end(): Promise<{ status: number; body: unknown }>;
}

/**
 * A request whose body is sent in pieces, as the test says, chunked (no Content-Length): a
 * slow link, or a client that never says how much it will send.
 */
export function slowUpload(url: string, headers: Record<string, string>): SlowUpload {
  const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } });
  const reply = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
  });
  reply.catch(() => {});
  return {
    send: (text) => new Promise((done) => (req.write(text) ? done() : req.once('drain', done))),
    end: () => (req.end(), reply),
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
