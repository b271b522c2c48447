import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ChildServer {
  child: ChildProcess;
  /** The API's base, e.g. http://127.0.0.1:9123/api/v1 */
  api: string;
  /** The local fake gateway it started. */
  fakeUrl: string;
  output: () => string;
  /** Kills it at once (no shutdown work), as a crash or `kill -9` would. */
  crash(): Promise<void>;
  /** Stops it as an operator would (SIGTERM). */
  stop(): Promise<void>;
}

/** Starts `server/index.ts` as its own process and waits until it listens. */
export async function startServer(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  // The server prints its start lines one by one: wait for the gateway's, which comes after the address.
  while (!/Card payments:.*\n/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const fakeUrl = /local fake Authorize\.Net at (\S+)/.exec(output)?.[1];
  if (!fakeUrl) throw new Error(`no fake gateway:\n${output}`);
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, api: `http://127.0.0.1:${port}/api/v1`, fakeUrl, output: () => output, crash: end('SIGKILL'), stop: end('SIGTERM') };
}

/** Waits until `check` returns something truthy (polling), or fails naming `what`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
