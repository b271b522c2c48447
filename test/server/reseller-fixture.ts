import { createReseller, type NewResellerInput } from '../../server/services/resellers/resellers.ts';
import type { TestApp } from './helpers.ts';

/** A reseller's site, as its pages' Origin. */
export const ACME_SITE = 'https://portal.acme.example';

/** The reseller of the tests: it sells to head office C200000 (so to C200001 and C200002 too), with a full brand. */
export const ACME: NewResellerInput = {
  name: 'Acme Telecom',
  slug: 'acme',
  origins: [ACME_SITE],
  accounts: ['C200000'],
  supportEmail: 'help@acme.example',
  supportPhone: '+1 415 555 0100',
  supportUrl: 'https://acme.example/help',
  address: '9 Acme Way, Springfield, IL 62701',
  colorPrimary: '#8a3b12',
  colorHeader: '#3d2616',
};

/** Records a reseller (Acme, with changes) as the CLI does; returns it and its API key. */
export const addReseller = (t: TestApp, changes: Partial<NewResellerInput> = {}) => createReseller(t.db, { ...ACME, ...changes });

export const withKey = (key: string) => ({ Authorization: `Bearer ${key}` });

/** POST /portal-sessions as a reseller's server sends it (no Origin: it is not a browser). */
export const askSession = (t: TestApp, headers: Record<string, string>, body: unknown) =>
  t.app.request('/api/v1/portal-sessions', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** POST /auth/portal-session as the element on the reseller's page sends it. */
export const exchange = (t: TestApp, token: string, origin = ACME_SITE) =>
  t.app.request('/api/v1/auth/portal-session', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ token }) });

/** The audit log's rows of some actions, oldest first. */
export const auditRows = (t: TestApp, prefix: string) =>
  (t.db.$client.prepare('select action, actor_user_id as actor, account_id as accountId, detail from audit_log where action like ? order by id').all(`${prefix}%`) as {
    action: string;
    actor: string | null;
    accountId: number | null;
    detail: string | null;
  }[]).map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
