import { expect } from '@open-wc/testing';
import { call, send } from '../../components/api/client.ts';
import { asForm } from '../../components/tickets/ticket-api.ts';
import { createApiClient } from '../../components/api/create-client.ts';
import { customerMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { invoicePage } from '../../stories/fixtures/invoices.ts';
import { paymentsOf } from '../../stories/fixtures/payments.ts';
import { summaryOf } from '../../stories/fixtures/summaries.ts';

/** The fake API behind the components' own typed client, as stories and the element tests use it. */
function fake(options: FakeApiOptions = { signedInAs: customerMe }) {
  const api = createFakeApi(options);
  const client = createApiClient({ fetch: api.fetch }).api.v1;
  return { api, client, account: client.accounts[':number'], param: { number: 'C123456' } };
}

const BILL_TO = { firstName: 'Dana', lastName: 'Whitfield', address: '111 High St', city: 'San Francisco', state: 'CA', zip: '94114', country: 'US' };
const CARD = { dataDescriptor: 'COMMON.ACCEPT.INAPP.PAYMENT', dataValue: 'fake-token' };

describe('the fake API of stories and browser tests', () => {
  it('logs each request with its query and checks the query as the server does', async () => {
    const { api, account, param } = fake();
    const page = await call(account.invoices.$get({ param, query: { status: 'past_due', page: '1', pageSize: '12' } }));
    expect(page.invoices.map((i) => i.status)).to.deep.equal(['past_due']);
    expect(api.requests).to.deep.equal(['GET /api/v1/accounts/C123456/invoices?status=past_due&page=1&pageSize=12']);
    const bad = await account.invoices.$get({ param, query: { status: 'late' as 'open', page: '0' } });
    expect(bad.status).to.equal(400);
    const { error } = (await bad.json()) as unknown as { error: { code: string; issues: { path: string }[] } };
    expect([error.code, error.issues.map((i) => i.path).sort()]).to.deep.equal(['VALIDATION', ['page', 'status']]);
  });

  it('answers for accounts as the server does: 401 signed out, 400 naming a malformed number, 404 out of reach', async () => {
    expect((await fake({}).account.summary.$get({ param: { number: 'C123456' } })).status).to.equal(401);
    const { account } = fake();
    const malformed = await account.summary.$get({ param: { number: 'C1 OR 1' } });
    expect(malformed.status).to.equal(400);
    expect(((await malformed.json()) as unknown as { error: { issues: { path: string }[] } }).error.issues[0]!.path).to.equal('number');
    expect((await account.summary.$get({ param: { number: 'C200100' } })).status).to.equal(404, 'another customer’s account');
    expect((await account.summary.$get({ param: { number: 'C999999' } })).status).to.equal(404);
  });

  it('remembers a payment: the balance and the amount due drop, the oldest invoice is paid first, and the history shows it', async () => {
    const { account, param } = fake();
    const before = summaryOf('C123456')!;
    const oldestUnpaid = invoicePage('C123456', { status: 'past_due' }).invoices.at(-1)!;
    const amount = oldestUnpaid.balance + 1000;
    const paying = () => call(account.payments.$post({ param, header: { 'idempotency-key': 'fake-test-0001' }, json: { amount, opaqueData: CARD, billTo: BILL_TO } }));
    const payment = await paying();
    expect(payment.status).to.equal('approved');
    expect(await paying()).to.deep.equal(payment, 'sent again with its Idempotency-Key, it is the same payment');
    const after = await call(account.summary.$get({ param }));
    expect([after.balance, after.dueAmount, after.pastDue]).to.deep.equal([before.balance - amount, before.dueAmount - amount, before.pastDue - oldestUnpaid.balance]);
    const paid = await call(account.invoices[':id'].$get({ param: { ...param, id: String(oldestUnpaid.id) } }));
    expect([paid.status, paid.balance]).to.deep.equal(['paid', 0]);
    const { payments } = await call(account.payments.$get({ param }));
    expect(payments[0]).to.deep.equal(payment);
    expect(payments.length).to.equal(paymentsOf('C123456').payments.length + 1);
  });

  it('a payment that is not valid is refused as by the server, and nothing changes', async () => {
    const { account, param } = fake();
    const refused = await send(account.payments.$post({ param, header: { 'idempotency-key': 'fake-test-0002' }, json: { amount: 0, opaqueData: CARD, billTo: BILL_TO } })).catch((e: unknown) => e);
    expect((refused as { status: number }).status).to.equal(400);
    expect((await call(account.summary.$get({ param }))).balance).to.equal(summaryOf('C123456')!.balance);
  });

  it('remembers autopay: sign-up shows the card in the summary, cancel goes back to manual payment', async () => {
    const { account, param } = fake();
    const { autopay } = await call(account.autopay.$put({ param, json: { opaqueData: CARD } }));
    expect([autopay?.brand, autopay?.last4]).to.deep.equal(['Visa', '1111']);
    expect((await call(account.summary.$get({ param }))).paymentMethod).to.include({ type: 'autopay', last4: '1111' });
    await call(account.autopay.$delete({ param }));
    expect((await call(account.summary.$get({ param }))).paymentMethod).to.deep.equal({ type: 'manual' });
  });

  it('clears a declined autopay notice once a payment is made, as the server does', async () => {
    const { account, param } = fake({ signedInAs: customerMe, autopay: ['C123456'], autopayDeclined: ['C123456'] });
    expect((await call(account.summary.$get({ param }))).autopayNotice).to.not.equal(null);
    await call(account.payments.$post({ param, header: { 'idempotency-key': 'fake-test-0003' }, json: { amount: 5000, opaqueData: CARD, billTo: BILL_TO } }));
    expect((await call(account.summary.$get({ param }))).autopayNotice).to.equal(null);
  });

  it('answers the ticket routes as the server does: the staff routes 404 to customers, notes only for staff, a reply on a resolved ticket reopens it', async () => {
    const customer = fake();
    expect((await customer.client.tickets.$get({ query: {} })).status).to.equal(404);
    expect((await customer.client.tickets[':ticketNumber'].$get({ param: { ticketNumber: '282' } })).status).to.equal(404);
    const staff = fake({ signedInAs: staffMe, users: [staffMe] });
    const mine = await call(customer.account.tickets[':ticketNumber'].$get({ param: { ...customer.param, ticketNumber: '282' } }));
    expect(mine.messages.some((m) => m.internal)).to.equal(false);
    const theirs = await call(staff.client.tickets[':ticketNumber'].$get({ param: { ticketNumber: '282' } }));
    expect(theirs.messages.filter((m) => m.internal).length).to.equal(1);
    await call(customer.account.tickets[':ticketNumber'].$patch({ param: { ...customer.param, ticketNumber: '282' }, json: { status: 'closed' } }));
    const refused = await customer.account.tickets[':ticketNumber'].messages.$post({ param: { ...customer.param, ticketNumber: '282' }, ...asForm({ message: 'more' }) });
    expect(refused.status).to.equal(409);
    const created = await call(customer.account.tickets.$post({ param: customer.param, ...asForm({ subject: 'x', service: 'other' as const, message: 'y', files: [new File(['a'], 'a.txt', { type: 'text/plain' })] }) }));
    expect([created.number, created.messages[0]!.attachments[0]!.fileName]).to.deep.equal([286, 'a.txt']);
    const bad = await customer.account.tickets.$post({ param: customer.param, ...asForm({ subject: ' ', service: 'other' as const, message: 'y' }) });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as unknown as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).to.deep.equal(['subject']);
  });
});
