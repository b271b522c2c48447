/**
 * `npm run bench -- requests`: the API over HTTP beside a bare Hono route, side by side in one
 * run. Three processes: the portal's server (api-server.ts), a plain Hono app with one JSON route
 * (bare-server.ts), and the load generator (load.ts), each with its own event loop. Each round
 * measures every target with the same connections, each right after the bare route; a target's
 * ratio is its requests per second over the bare route's just before, and the medians over the
 * rounds are printed, so a busy machine moves both sides of a ratio alike.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { LoadJob, LoadResult } from './load.ts';

type Report = (what: string, figure: string, floor: string, ok: boolean) => void;

const here = fileURLToPath(new URL('.', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A TypeScript file of this folder as its own process; resolves with what it prints after READY. */
async function startChild<T>(file: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; ready: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const ready = await new Promise<T>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const line = /^READY (.*)$/m.exec(output);
      if (line) done(JSON.parse(line[1]!) as T);
    });
    child.once('exit', (code) => fail(new Error(`${file} exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, ready };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

/** The built pages: dist/ when `npm run build` made it, otherwise built now into a temp folder. */
async function builtSite(): Promise<{ dir: string; cleanup(): void }> {
  if (existsSync('dist/index.html')) return { dir: 'dist', cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-site-'));
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: dir, emptyOutDir: true } });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Target {
  what: string;
  port: number;
  /** The server process, whose CPU time per reply is printed beside. */
  pid: number;
  path: string;
  headers?: Record<string, string>;
  /** The only status a reply may have: anything else (a 401 from a lost session) makes the figure meaningless. */
  status: number;
  /** The least share of the bare route's requests per second, for the figures held to one. */
  floor?: number;
}

export async function requestPath(report: Report): Promise<void> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const durationMs = Number(process.env.BENCH_SECONDS ?? 2) * 1000;
  const site = await builtSite();
  const children: ChildProcess[] = [];
  try {
    const bare = await startChild<{ port: number }>('bare-server.ts');
    children.push(bare.child);
    const api = await startChild<{ port: number; token: string }>('api-server.ts', { BENCH_SITE_DIR: site.dir });
    children.push(api.child);
    const loader = fork(join(here, 'load.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    children.push(loader);
    const exited = new Promise<never>((_, fail) => loader.once('exit', (code) => fail(new Error(`the load generator exited (${code})`))));
    exited.catch(() => {});
    const load = (job: LoadJob) => {
      const reply = once(loader, 'message').then(([result]) => result as LoadResult);
      loader.send(job);
      return Promise.race([reply, exited]);
    };

    const bearer = { Authorization: `Bearer ${api.ready.token}` };
    const bareRoute: Target = { what: 'bare Hono route', port: bare.ready.port, pid: bare.child.pid!, path: '/bare', status: 200 };
    const portal = { port: api.ready.port, pid: api.child.pid! };
    const targets: Target[] = [
      { what: 'GET /api/v1/me', ...portal, path: '/api/v1/me', headers: bearer, status: 200, floor: 0.25 },
      { what: 'GET /api/v1/accounts/C100001/summary', ...portal, path: '/api/v1/accounts/C100001/summary', headers: bearer, status: 200, floor: 0.25 },
      { what: '404 under /api/v1 (signed in)', ...portal, path: '/api/v1/no-such-route', headers: bearer, status: 404 },
      { what: 'static file (the portal page, /)', ...portal, path: '/', status: 200 },
    ];
    const measure = async (target: Target) => {
      const result = await load({ port: target.port, serverPid: target.pid, path: target.path, headers: target.headers ?? {}, connections, warmupMs: 500, durationMs });
      const wrong = Object.keys(result.statuses).filter((status) => Number(status) !== target.status);
      if (wrong.length) throw new Error(`${target.what}: replies ${JSON.stringify(result.statuses)}, expected only ${target.status}`);
      return result;
    };

    console.log(`Requests over HTTP: ${connections} connections, ${rounds} rounds of ${durationMs / 1000} s per target, each right after the bare route (C100001: 120 invoices, 118 payments)…`);
    const bareRates: number[] = [];
    const bareCpu: number[] = [];
    const rates = targets.map(() => [] as number[]);
    const ratios = targets.map(() => [] as number[]);
    const cpu = targets.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      const line: string[] = [];
      for (const [i, target] of targets.entries()) {
        // The pair runs back to back, so it sees the same load on the machine.
        const base = await measure(bareRoute);
        const result = await measure(target);
        bareRates.push(base.requestsPerSecond);
        rates[i]!.push(result.requestsPerSecond);
        ratios[i]!.push(result.requestsPerSecond / base.requestsPerSecond);
        if (base.serverCpuMicros !== null) bareCpu.push(base.serverCpuMicros);
        if (result.serverCpuMicros !== null) cpu[i]!.push(result.serverCpuMicros);
        line.push(`${fmt(result.requestsPerSecond)}/${fmt(base.requestsPerSecond)}`);
      }
      console.log(`  round ${round + 1} (target/bare req/s): ${line.join(', ')}`);
    }
    // CPU time per reply is steadier than req/s on a shared machine: printed beside, for information.
    const cpuOf = (xs: number[]) => (xs.length ? `; server CPU ${median(xs).toFixed(0)} µs per reply` : '');
    console.log(`info ${bareRoute.what}: ${fmt(median(bareRates))} req/s (median)${cpuOf(bareCpu)}`);
    for (const [i, target] of targets.entries()) {
      const ratio = median(ratios[i]!);
      const figure = `${fmt(median(rates[i]!))} req/s, ratio to the bare route ${ratio.toFixed(3)} (medians)${cpuOf(cpu[i]!)}`;
      if (target.floor !== undefined) report(target.what, figure, `ratio ${target.floor}`, ratio >= target.floor);
      else console.log(`info ${target.what}: ${figure}`);
    }
  } finally {
    await Promise.all(children.map(stop));
    site.cleanup();
  }
}
