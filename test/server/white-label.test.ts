import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { updateReseller } from '../../server/services/resellers/resellers.ts';
import { inviteUser } from '../../server/services/users.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';
import { BILL_TO, cardToken, gatewayApp, pay, useFakeGateway } from './payment-fixture.ts';
import { pdfColours, pdfText } from './pdf-text.ts';
import { ACME, addReseller } from './reseller-fixture.ts';

/**
 * White label: a customer of a reseller sees the reseller, not the provider — in the portal
 * (the brand in /me, GET /brands/{reseller}), on invoice PDFs and in mails. Acme sells to head
 * office C200000 (so to its location C200001); C100001 is the provider's own customer.
 */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PROVIDER = 'Harbourline Communications';

describe('the brand in the API', () => {
  test('/me carries the brand of the reseller of the user’s accounts (through a head office too); the provider’s customers and staff get none', async () => {
    const t = await testApp();
    addReseller(t);
    const brandOf = async (email: string) => (await okJson(t.api((await t.login(email)).bearer).me.$get())).brand;
    const expected = {
      reseller: 'acme',
      name: 'Acme Telecom',
      logoUrl: null,
      support: { email: 'help@acme.example', phone: '+1 415 555 0100', url: 'https://acme.example/help' },
      colors: { primary: '#8a3b12', header: '#3d2616' },
    };
    assert.deepEqual(await brandOf('hq@example.com'), expected);
    assert.deepEqual(await brandOf('east@example.com'), expected, 'a location of a head office Acme sells to');
    assert.equal(await brandOf('solo@example.com'), null);
    assert.equal(await brandOf('staff@example.com'), null);
  });

  test('GET /brands/{reseller} answers anyone (the sign-in screen needs it); its stored logo is served to every site', async () => {
    const t = await testApp();
    addReseller(t, { brandName: 'Acme', logo: { image: PNG } });
    const brand = await okJson(t.api().brands[':reseller'].$get({ param: { reseller: 'acme' } }));
    assert.equal(brand.name, 'Acme', 'the display name');
    assert.match(brand.logoUrl!, /^http:\/\/localhost:8787\/api\/v1\/brands\/acme\/logo\?v=\d+$/);
    const logo = await t.app.request(new URL(brand.logoUrl!).pathname + new URL(brand.logoUrl!).search);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/png');
    assert.equal(logo.headers.get('cross-origin-resource-policy'), 'cross-origin', 'a reseller’s page on another origin may show it');
    assert.match(logo.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.deepEqual(Buffer.from(await logo.arrayBuffer()), PNG);

    assert.equal((await t.request('/brands/nobody')).status, 404);
    assert.equal((await errorOf(await t.request('/brands/no%20such'))).code, 'VALIDATION');
    updateReseller(t.db, 'acme', { logo: { url: 'https://cdn.acme.example/logo.svg' } });
    assert.equal((await okJson(t.api().brands[':reseller'].$get({ param: { reseller: 'acme' } }))).logoUrl, 'https://cdn.acme.example/logo.svg');
    assert.equal((await t.request('/brands/acme/logo')).status, 404, 'a logo by address is not stored here');
  });
});

/** October billed for the billing fixture's accounts (C100001, C100002, C200001 bill something). */
async function billedApp() {
  const t = await testApp();
  await loadBillingData(t.db);
  runBilling(t.db, '2026-10', '2026-11-25', { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } });
  return t;
}

async function invoicePdf(t: TestApp, number: string) {
  const { bearer } = await t.login('staff@example.com');
  const [invoice] = (await okJson(t.api(bearer).accounts[':number'].invoices.$get({ param: { number }, query: {} }))).invoices;
  const res = await t.request(`/accounts/${number}/invoices/${invoice!.id}/pdf`, { headers: bearer });
  assert.equal(res.status, 200);
  const bytes = await res.arrayBuffer();
  return { text: (await pdfText(bytes)).pages.join('\n'), colours: await pdfColours(bytes) };
}

describe('invoice PDFs', () => {
  test('an account of a reseller gets the reseller’s name, address, support contact and colour; the provider’s own customers the provider’s', async () => {
    const t = await billedApp();
    addReseller(t);
    const acme = await invoicePdf(t, 'C200001');
    for (const expected of ['Acme Telecom', '9 Acme Way, Springfield, IL 62701', 'help@acme.example · +1 415 555 0100 · https://acme.example/help', `payable to Acme Telecom`, `sign in at ${ACME.origins[0]}`]) {
      assert.ok(acme.text.includes(expected), `the PDF shows ${expected}`);
    }
    assert.ok(!acme.text.includes(PROVIDER) && !acme.text.includes('Harbour Way'), 'nothing of the provider');
    assert.ok(acme.colours.fill.includes('#8a3b12'), 'the name and title in Acme’s colour');

    const own = await invoicePdf(t, 'C100001');
    assert.ok(own.text.includes(PROVIDER) && own.text.includes('500 Harbour Way') && !own.text.includes('Acme'));
    assert.ok(!own.colours.fill.includes('#8a3b12'));
  });
});

describe('mails', () => {
  test('invitation and reset mails of a reseller’s customer come from the reseller: name, sender, reply address, contact, colour, and a link that names it', async () => {
    const t = await testApp();
    addReseller(t);
    const { userId } = inviteUser(t.db, { email: 'new.east@example.com', name: 'New East', account: 'C200001' });
    t.deps.auth.sendActivation(userId);
    t.deps.auth.requestPasswordReset('hq@example.com', { ip: null, userAgent: null });
    await t.idle();
    const [activation, reset] = t.mailer.sent.slice(-2);
    assert.equal(activation!.subject, 'Set up your Acme Telecom billing portal sign-in');
    assert.equal(reset!.subject, 'Reset your Acme Telecom billing portal password');
    for (const mail of [activation!, reset!]) {
      assert.equal(mail.fromName, 'Acme Telecom');
      assert.equal(mail.replyTo, 'help@acme.example');
      assert.match(mail.text, /— Acme Telecom customer care\nhelp@acme\.example · \+1 415 555 0100 · https:\/\/acme\.example\/help$/);
      assert.match(mail.html!, /background:#8a3b12;color:#ffffff[^>]*>Acme Telecom</);
      assert.ok(!mail.text.includes(PROVIDER) && !mail.html!.includes(PROVIDER));
      assert.equal(new URL(mail.link!).searchParams.get('reseller'), 'acme', 'the portal page it opens shows Acme');
    }

    updateReseller(t.db, 'acme', { colorPrimary: '', colorHeader: '' });
    t.deps.auth.requestPasswordReset('hq@example.com', { ip: null, userAgent: null });
    await t.idle();
    const plain = t.mailer.sent.at(-1)!;
    assert.match(plain.html!, /background:#3a4350;color:#ffffff[^>]*>Acme Telecom</, 'a reseller with no colour gets a neutral one, not the provider’s');

    t.invite('solo.colleague@example.com');
    await t.idle();
    const own = t.mailer.sent.at(-1)!;
    assert.equal(own.subject, `Set up your ${PROVIDER} billing portal sign-in`);
    assert.equal(own.fromName, PROVIDER);
    assert.equal(own.replyTo, undefined);
    assert.match(own.html!, /background:#0b5cad;color:#ffffff[^>]*>Harbourline Communications</);
    assert.equal(new URL(own.link!).searchParams.get('reseller'), null);
  });

  test('a staff answer on a ticket of a reseller’s customer comes from the reseller, and its link opens the portal in the reseller’s brand', async () => {
    const t = await testApp();
    addReseller(t);
    const east = (await t.login('east@example.com')).bearer;
    const staff = (await t.login('staff@example.com')).bearer;
    const opened = await t.request('/accounts/C200001/tickets', { method: 'POST', headers: east, json: { subject: 'No dial tone', service: 'trouble', message: 'Line 2 is dead.' } });
    assert.equal(opened.status, 201);
    const { number } = (await opened.json()) as { number: number };
    await t.idle();
    t.mailer.sent.length = 0;
    assert.equal((await t.request(`/tickets/${number}/messages`, { method: 'POST', headers: staff, json: { message: 'A technician is on the way.' } })).status, 201);
    await t.idle();
    const answers = t.mailer.sent.filter((m) => m.subject === `[Ticket ${number}] Re: No dial tone`);
    assert.deepEqual(answers.map((m) => m.to).sort(), ['east@example.com', 'hq@example.com']);
    for (const mail of answers) {
      assert.equal(mail.fromName, 'Acme Telecom');
      assert.equal(mail.replyTo, 'help@acme.example');
      assert.match(mail.text, /of Acme Telecom answered ticket/);
      assert.ok(!mail.text.includes(PROVIDER) && !mail.html!.includes(PROVIDER));
      assert.equal(new URL(mail.link!).searchParams.get('reseller'), 'acme');
    }
  });

  const gw = useFakeGateway();
  test('a payment receipt of a reseller’s customer comes from the reseller and sends them to its site', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    addReseller(t, { accounts: ['C100001'] });
    const res = await pay(t, bearer, { amount: invoices[0]!.total, opaqueData: cardToken(gw.fake), billTo: BILL_TO });
    assert.equal(res.status, 201);
    await t.idle();
    const receipt = t.mailer.sent.at(-1)!;
    assert.match(receipt.subject, /^Payment received/);
    assert.equal(receipt.fromName, 'Acme Telecom');
    assert.match(receipt.text, /Your invoices and payments are in the billing portal:\nhttps:\/\/portal\.acme\.example\n\n— Acme Telecom customer care/);
  });
});
