import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/db/client.ts';

export const PROVIDER_KEY = 'provider-key-for-the-tests-0123456789';

/** A port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

export interface ServerProcess {
  url: string;
  /** The API's base, e.g. http://127.0.0.1:9123/api/v1 */
  api: string;
  /** The local fake gateway the server started. */
  fakeUrl: string;
  databasePath: string;
  /** A connection of the test's own to the server's database, as another process would have. */
  db: Db;
  /** What the server printed so far. */
  output(): string;
  /** The server's peak resident memory so far, in MB (Linux: VmHWM). */
  peakMemoryMb(): number;
  /** Kills it at once (no shutdown work), as a crash or `kill -9` would. */
  crash(): Promise<void>;
  /** Stops it as an operator would (SIGTERM). */
  stop(): Promise<void>;
}

/**
 * The real server (`server/index.ts`) as a child process on a free port, for what only a
 * process shows: memory, crashes, several processes sharing one database. Its database is a
 * fresh file in a temporary folder unless `env.DATABASE_PATH` names one (a restart on the same
 * file); `prepare` fills it before the server opens it.
 */
export async function startServer(env: Record<string, string> = {}, prepare?: (db: Db) => Promise<void>, timeoutMs = 20_000): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-server-'));
  const databasePath = env.DATABASE_PATH ?? join(dir, 'portal.db');
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let cleaned = false;
  const cleanUp = () => {
    if (cleaned) return;
    cleaned = true;
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    cleanUp();
  };
  const fail = async (why: string) => {
    await end('SIGKILL')();
    throw new Error(`${why}:\n${output}`);
  };

  // The server prints its address and its gateway in separate writes: wait for the gateway's whole line.
  const deadline = Date.now() + timeoutMs;
  while (!/Billing portal:[\s\S]*Card payments: .*\n/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) await fail('the server did not start');
    await sleep(50);
  }
  const fakeUrl = /local fake Authorize\.Net at (\S+)/.exec(output)?.[1];
  if (!fakeUrl) await fail('no fake gateway');

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    api: `${url}/api/v1`,
    fakeUrl: fakeUrl!,
    databasePath,
    db,
    output: () => output,
    peakMemoryMb() {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]!;
      return Number(kb) / 1024;
    },
    crash: end('SIGKILL'),
    stop: end('SIGTERM'),
  };
}

/** Waits until `check` returns something truthy (polling), or fails naming `what`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
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
