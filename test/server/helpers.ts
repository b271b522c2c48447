import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientResponse } from 'hono/client';
import { testClient } from 'hono/testing';
import { createApp, type AppOptions } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/crypto.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { accountUsers, accounts, users } from '../../server/db/schema.ts';
import { loadConfig } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { inviteUser } from '../../server/services/users.ts';

export const PASSWORD = 'test-password-long-enough';
export const PORTAL = 'http://localhost:8787';
export const RESELLER = 'https://shop.example.com';

/** Cheap scrypt parameters for fixture users only: the server itself always hashes at OWASP's. */
const fixtureHash = hashPassword(PASSWORD, { log2N: 10, r: 8, p: 1 });

const address = { addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' };

/**
 * The real app on a fresh in-memory database with a clock the test moves: a standalone customer
 * (C100001), a head office (C200000) with two locations (C200001, C200002), users for each, staff.
 */
export async function testApp(env: Record<string, string> = {}, options: Pick<AppOptions, 'gateway' | 'settleDelayMs' | 'cardFrame' | 'webhookSignatureKey' | 'now'> = {}) {
  // A file only when asked (the request bench, to measure what the server does).
  const db = openDatabase(env.DATABASE_PATH ?? ':memory:');
  const passwordHash = await fixtureHash;
  const account = (number: string, name: string, parentId: number | null = null) =>
    db.insert(accounts).values({ number, name, parentId, ...address }).returning().get();
  const solo = account('C100001', 'Solo Dental');
  const hq = account('C200000', 'Head Office Inc');
  const east = account('C200001', 'Head Office — East', hq.id);
  const west = account('C200002', 'Head Office — West', hq.id);
  const user = (id: string, email: string, role: 'customer' | 'staff', member: number[]) => {
    db.insert(users).values({ id, email, name: `User ${id}`, role, passwordHash }).run();
    for (const accountId of member) db.insert(accountUsers).values({ accountId, userId: id }).run();
  };
  user('u_solo', 'solo@example.com', 'customer', [solo.id]);
  user('u_hq', 'hq@example.com', 'customer', [hq.id]);
  user('u_east', 'east@example.com', 'customer', [east.id]);
  user('u_staff', 'staff@example.com', 'staff', []);

  const config = loadConfig({
    ALLOWED_ORIGINS: RESELLER,
    PUBLIC_URL: PORTAL,
    DATABASE_PATH: ':memory:',
    DEMO_DATA: 'false',
    ATTACHMENTS_DIR: mkdtempSync(join(tmpdir(), 'bp-attachments-')),
    ...env,
  });
  const mailer = createMailer({ db, from: config.mailFrom, outboxDir: mkdtempSync(join(tmpdir(), 'bp-outbox-')), keepSent: true, log: () => {} });
  // Starts at the real time: lucia, under the session store, also reads the wall clock.
  const clock = { now: Date.now() };
  const { app, deps, idle } = createApp({ db, config, mailer, now: () => clock.now, ...options });

  /** A request as a browser on the portal's own page would send it. */
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    if (init.method && init.method !== 'GET' && !headers.has('Origin')) headers.set('Origin', PORTAL);
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    return app.request(`/api/v1${path}`, { ...init, headers, body });
  };

  /**
   * The API through Hono's typed client, as a browser on the portal's page calls it (with its
   * Origin): replies are typed by the routes, e.g. `await t.api(bearer).me.$get()`.
   */
  const api = (headers: Record<string, string> = {}) => testClient(app, undefined, undefined, { headers: { Origin: PORTAL, ...headers } }).api.v1;

  /** Signs in; returns the bearer token and the session cookie. */
  const login = async (email: string, password = PASSWORD) => {
    const res = await request('/auth/login', { method: 'POST', json: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { token, cookie, bearer: { Authorization: `Bearer ${token}` } };
  };

  /** Invites a new user to C100001 as the CLI does; returns the mailed activation link. */
  const invite = (email = 'new.person@example.com') => {
    const { userId } = inviteUser(db, { email, name: 'New Person', account: 'C100001' });
    return deps.auth.sendActivation(userId);
  };

  return { app, db, config, mailer, clock, idle, deps, request, api, login, invite, ids: { solo: solo.id, hq: hq.id, east: east.id, west: west.id } };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** The JSON of a success reply of the typed client (typed by the route); a failed assertion saying what came instead. */
export async function okJson<R extends ClientResponse<unknown>>(reply: R | Promise<R>): Promise<R extends { ok: true; json(): Promise<infer T> } ? T : never> {
  const res = await reply;
  if (!res.ok) assert.fail(`${res.status} ${await res.text()}`);
  return (await res.json()) as R extends { ok: true; json(): Promise<infer T> } ? T : never;
}

export const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; issues?: { path: string; message: string }[] } }).error;

/** The token in a mailed link (`...?activate=<token>` or `?reset=`). */
export const tokenFromLink = (link: string | undefined) => new URL(link!).searchParams.values().next().value!;

export type { Db };
