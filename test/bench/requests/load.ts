/**
 * The load generator of the request bench, a process of its own (forked; it takes jobs over IPC)
 * so it does not share the servers' event loops. Each of `connections` keep-alive sockets sends
 * one GET, reads the whole reply, and sends the next, as fast as the server answers. Replies are
 * read just far enough to find their end (Content-Length or chunked) and their status, so the
 * generator costs little next to the servers it measures.
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

export interface LoadJob {
  port: number;
  path: string;
  headers: Record<string, string>;
  connections: number;
  /** Sent but not counted, so both sides have warmed up (JIT, caches). */
  warmupMs: number;
  durationMs: number;
  /** The server's process id: its CPU time over the measured time is reported (Linux). */
  serverPid?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Replies counted in the measured time, by status. */
  statuses: Record<number, number>;
  /** Connections the server closed, or that failed, reopened. */
  reconnects: number;
  /** The server's CPU time (user + system) per counted reply, in microseconds; null where /proc is not. */
  serverCpuMicros: number | null;
}

/** CPU time of a process so far, in clock ticks (user + system), from /proc; null elsewhere. */
function cpuTicks(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const TICK_MICROS = 10_000;

const HEADER_END = Buffer.from('\r\n\r\n');

/** The length of the first whole reply in `buf`, and its status; null when more must arrive. */
function replyIn(buf: Buffer): { length: number; status: number } | null {
  const headerEnd = buf.indexOf(HEADER_END);
  if (headerEnd < 0) return null;
  const head = buf.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  let at = headerEnd + 4;
  if (status === 204 || status === 304) return { length: at, status };
  const declared = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (declared) {
    const length = at + Number(declared[1]);
    return buf.length >= length ? { length, status } : null;
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) throw new Error(`a reply without a length:\n${head}`);
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
    at = lineEnd + 2 + size + 2;
    if (buf.length < at) return null;
    if (size === 0) return { length: at, status };
  }
}

export function runLoad(job: LoadJob): Promise<LoadResult> {
  const request = Buffer.from(
    `GET ${job.path} HTTP/1.1\r\nHost: 127.0.0.1:${job.port}\r\n` + Object.entries(job.headers).map(([name, value]) => `${name}: ${value}\r\n`).join('') + '\r\n',
    'latin1',
  );
  let counting = false;
  let stopped = false;
  let counted = 0;
  let reconnects = 0;
  const statuses: Record<number, number> = {};
  const sockets = new Set<Socket>();

  const open = () => {
    const socket = connect(job.port, '127.0.0.1');
    sockets.add(socket);
    socket.setNoDelay(true);
    let pending: Buffer | null = null;
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      pending = pending ? Buffer.concat([pending, chunk]) : chunk;
      const reply = replyIn(pending);
      if (!reply) return;
      // One request at a time per connection: nothing follows the reply.
      pending = null;
      if (counting) {
        counted++;
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      }
      if (!stopped) socket.write(request);
    });
    const reopen = () => {
      sockets.delete(socket);
      if (stopped) return;
      reconnects++;
      open();
    };
    socket.on('error', () => socket.destroy());
    socket.on('close', reopen);
  };

  return new Promise((resolve) => {
    for (let i = 0; i < job.connections; i++) open();
    setTimeout(() => {
      counting = true;
      const start = performance.now();
      const cpuStart = cpuTicks(job.serverPid);
      setTimeout(() => {
        const seconds = (performance.now() - start) / 1000;
        const cpuEnd = cpuTicks(job.serverPid);
        counting = false;
        stopped = true;
        for (const socket of sockets) socket.destroy();
        const serverCpuMicros = cpuStart !== null && cpuEnd !== null && counted > 0 ? ((cpuEnd - cpuStart) * TICK_MICROS) / counted : null;
        resolve({ requestsPerSecond: counted / seconds, statuses, reconnects, serverCpuMicros });
      }, job.durationMs);
    }, job.warmupMs);
  });
}

// Forked: a job per message, its result as the reply.
if (process.send) {
  process.on('message', (job: LoadJob) => void runLoad(job).then((result) => process.send!(result)));
}
