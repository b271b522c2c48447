import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { accounts, accountUsers, users } from '../../server/db/schema.ts';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { createBackground } from '../../server/services/background.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { createCardServices } from '../../server/services/card-services.ts';
import { accountBalanceCents } from '../../server/services/ledger.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf } from './helpers.ts';
import { BILL_TO, cardToken, gatewayApp, pay, POLICY, useFakeGateway } from './payment-fixture.ts';

const gw = useFakeGateway();

/**
 * What a process killed mid-call leaves: a pending payment owned by a process that has no lease
 * any more; `charged` says whether the gateway got (and made) the charge before the end.
 */
async function leftPending(db: Db, accountId: number, input: { key: string; amount: number; charged: boolean; owner?: string }) {
  const row = db.$client
    .prepare(
      `insert into payments (account_id, amount_cents, received_at, method, status, idempotency_key, request_fingerprint, user_id, owner_id)
       values (?, ?, ?, 'Credit card', 'pending', ?, ?, 'u_solo', ?) returning id`,
    )
    .get(accountId, input.amount, new Date().toISOString(), input.key, `amount:${input.amount}`, input.owner ?? 'a-process-that-died') as { id: number };
  const reference = `BP${String(row.id).padStart(10, '0')}`;
  db.$client.prepare('update payments set gateway_reference = ? where id = ?').run(reference, row.id);
  if (input.charged) {
    const result = await gw.gateway().charge({ amountCents: input.amount, currency: 'USD', source: { opaqueData: cardToken(gw.fake) }, invoiceNumber: reference, description: 'Payment on account', billTo: BILL_TO });
    assert.equal(result.outcome, 'approved');
  }
  return row.id;
}

const statusOf = (db: Db, id: number) => db.$client.prepare('select status from payments where id = ?').pluck().get(id);
const ownerOf = (db: Db, id: number) => db.$client.prepare('select owner_id from payments where id = ?').pluck().get(id);

describe('payments whose process is gone', () => {
  test('retrying the key of a payment its dead process left pending asks the gateway: charged, it is applied (201); not charged, it is settled as such', async () => {
    const { t, bearer } = await gatewayApp(gw.gateway());
    const before = accountBalanceCents(t.db, t.ids.solo);
    const charged = await leftPending(t.db, t.ids.solo, { key: 'key-charged-before-crash', amount: 1500, charged: true });
    const notCharged = await leftPending(t.db, t.ids.solo, { key: 'key-never-reached-gateway', amount: 2500, charged: false });
    const charges = gw.fake.transactions.size;

    const retried = await pay(t, bearer, { amount: 1500, opaqueData: cardToken(gw.fake), billTo: BILL_TO }, 'key-charged-before-crash');
    assert.equal(retried.status, 201);
    const payment = await retried.json();
    assert.deepEqual([payment.id, payment.status, payment.card?.last4], [charged, 'approved', '1111']);
    assert.equal(accountBalanceCents(t.db, t.ids.solo), before - 1500, 'the balance shows the charge');
    assert.equal(gw.fake.transactions.size, charges, 'nothing charged again');

    const unsent = await pay(t, bearer, { amount: 2500, opaqueData: cardToken(gw.fake), billTo: BILL_TO }, 'key-never-reached-gateway');
    assert.equal(unsent.status, 202, 'not found yet: being confirmed');
    assert.equal((await unsent.json()).status, 'unknown');
    await t.idle();
    assert.equal(statusOf(t.db, notCharged), 'error');
    const again = await pay(t, bearer, { amount: 2500, opaqueData: cardToken(gw.fake), billTo: BILL_TO }, 'key-never-reached-gateway');
    assert.equal(again.status, 402);
    assert.match((await errorOf(again)).message, /nothing was charged/);
    assert.equal(accountBalanceCents(t.db, t.ids.solo), before - 1500);
    assert.equal(t.mailer.sent.filter((m) => m.subject.startsWith('Payment received')).length, 1, 'one receipt');
  });

  test('the periodic sweep takes over payments whose lease expired or whose pid is dead here, and leaves live processes alone', async () => {
    const { t } = await gatewayApp(gw.gateway());
    const lease = t.db.$client.prepare('insert into process_leases (id, pid, host, started_at, renewed_at) values (?, ?, ?, ?, ?)');
    const now = t.clock.now;
    lease.run('expired', process.pid, hostname(), new Date(now).toISOString(), now - 31_000);
    lease.run('dead-pid', 2 ** 22 + 1, hostname(), new Date(now).toISOString(), now);
    lease.run('live-elsewhere', 2 ** 22 + 1, 'another-host', new Date(now).toISOString(), now);
    lease.run('live-here', process.pid, hostname(), new Date(now).toISOString(), now);
    const ids = {
      expired: await leftPending(t.db, t.ids.solo, { key: 'key-expired-lease', amount: 1100, charged: true, owner: 'expired' }),
      deadPid: await leftPending(t.db, t.ids.solo, { key: 'key-dead-pid', amount: 1200, charged: true, owner: 'dead-pid' }),
      elsewhere: await leftPending(t.db, t.ids.solo, { key: 'key-live-elsewhere', amount: 1300, charged: true, owner: 'live-elsewhere' }),
      here: await leftPending(t.db, t.ids.solo, { key: 'key-live-here', amount: 1400, charged: true, owner: 'live-here' }),
    };
    await t.deps.payments.settleOrphans();
    assert.deepEqual(
      Object.values(ids).map((id) => statusOf(t.db, id)),
      ['approved', 'approved', 'pending', 'pending'],
    );
    assert.deepEqual([ownerOf(t.db, ids.elsewhere), ownerOf(t.db, ids.here)], ['live-elsewhere', 'live-here'], 'live owners keep their payments');
    assert.equal(t.db.$client.prepare("select count(*) from process_leases where id = 'expired'").pluck().get(), 0, 'an expired lease is cleared');

    // Once the other host's process stops renewing its lease, its payment is taken over too.
    t.clock.now += 31_000;
    await t.deps.payments.settleOrphans();
    assert.equal(statusOf(t.db, ids.elsewhere), 'approved');
  });
});

describe('a payment whose process is alive and waiting on the gateway', () => {
  test('is not settled under it by another process on the same database (the CLI and the server): a retry there waits its turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-two-processes-'));
    const path = join(dir, 'portal.db');
    const setup = openDatabase(path);
    const account = setup.insert(accounts).values({ number: 'C100001', name: 'Solo Dental', addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' }).returning().get();
    setup.insert(users).values({ id: 'u_solo', email: 'solo@example.com', name: 'Solo', role: 'customer', passwordHash: 'x' }).run();
    setup.insert(accountUsers).values({ accountId: account.id, userId: 'u_solo' }).run();
    await loadBillingData(setup);
    runBilling(setup, '2026-10', '2026-11-25', POLICY);
    const mailer = createMailer({ db: setup, from: 'billing@example.com', outboxDir: join(dir, 'outbox'), keepSent: true, log: () => {} });
    /** One process's card services, on its own connection to the shared file. */
    const processOn = () => {
      const background = createBackground();
      const services = createCardServices({
        db: openDatabase(path),
        gateway: createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: gw.endpoint(), timeoutMs: 5_000 }),
        background,
        now: Date.now,
        mail: { mailer, providerName: 'Test', portalUrl: 'http://portal.test' },
        settleDelayMs: 50,
        leaseMs: 30_000,
      });
      return { ...services, background };
    };
    const server = processOn();
    const cli = processOn();
    const input = { accountId: account.id, userId: 'u_solo', amountCents: 4200, idempotencyKey: 'key-slow-gateway', source: { opaqueData: cardToken(gw.fake) }, billTo: BILL_TO };

    gw.fake.behaviour.delayMs = 600; // the gateway takes its time before it charges
    const paying = server.payments.payByCard(input);
    const id = await waitFor(() => setup.$client.prepare('select id from payments').pluck().get() as number | undefined);
    await cli.payments.settleOrphans();
    const copy = await cli.payments.payByCard(input);
    assert.deepEqual([copy.id, copy.status], [id, 'pending'], 'the other process answers "still in progress"');
    assert.equal(statusOf(setup, id), 'pending', 'and leaves it alone: no lookup that finds nothing yet, no "not charged"');

    const paid = await paying;
    assert.equal(paid.status, 'approved');
    await Promise.all([server.background.idle(), cli.background.idle(), mailer.idle()]);
    assert.equal((await cli.payments.payByCard(input)).status, 'approved');
    assert.equal(gw.fake.transactions.size, 1, 'charged once');
    assert.equal(mailer.sent.filter((m) => m.subject.startsWith('Payment received')).length, 1, 'one receipt');
  });
});

async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}
