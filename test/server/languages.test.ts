import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languageFromHeader } from '../../server/i18n/messages.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';
import { BILL_TO, cardToken, gatewayApp, pay, POLICY, useFakeGateway } from './payment-fixture.ts';
import { pdfText } from './pdf-text.ts';

const languageOf = (t: TestApp, email: string) => (t.db.$client.prepare('select language from users where email = ?').get(email) as { language: string | null }).language;

describe('PUT /me/language: the signed-in user chooses their language', () => {
  test('a customer and a staff user each set their own; GET /me says it; nobody else changes', async () => {
    const t = await testApp();
    const solo = await t.login('solo@example.com');
    assert.equal((await okJson(t.api(solo.bearer).me.$get())).language, null, 'none chosen yet');
    assert.deepEqual(await okJson(t.api(solo.bearer).me.language.$put({ json: { language: 'fr' } })), { language: 'fr' });
    assert.equal((await okJson(t.api(solo.bearer).me.$get())).language, 'fr');
    const staff = await t.login('staff@example.com');
    assert.deepEqual(await okJson(t.api(staff.bearer).me.language.$put({ json: { language: 'es' } })), { language: 'es' });
    assert.deepEqual([languageOf(t, 'solo@example.com'), languageOf(t, 'staff@example.com'), languageOf(t, 'hq@example.com')], ['fr', 'es', null]);
  });

  test('without a session: 401, nothing stored', async () => {
    const t = await testApp();
    const res = await t.request('/me/language', { method: 'PUT', json: { language: 'fr' } });
    assert.equal(res.status, 401);
    assert.equal((await errorOf(res)).code, 'UNAUTHENTICATED');
    assert.equal((t.db.$client.prepare('select count(*) as n from users where language is not null').get() as { n: number }).n, 0);
  });

  test('a language the portal does not have: 400 naming the field, the stored one kept', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    await okJson(t.api(bearer).me.language.$put({ json: { language: 'es' } }));
    for (const body of [{ language: 'de' }, { language: '' }, {}]) {
      const res = await t.request('/me/language', { method: 'PUT', headers: bearer, json: body });
      assert.equal(res.status, 400);
      const error = await errorOf(res);
      assert.equal(error.code, 'VALIDATION');
      assert.equal(error.issues?.[0]?.path, 'language');
    }
    assert.equal(languageOf(t, 'solo@example.com'), 'es');
  });
});

describe('the language learnt at sign-in', () => {
  test("the browser's Accept-Language gives a user without one their language; a choice made is never overwritten", async () => {
    const t = await testApp();
    const signIn = (email: string, acceptLanguage: string) => t.request('/auth/login', { method: 'POST', headers: { 'Accept-Language': acceptLanguage }, json: { email, password: 'test-password-long-enough' } });
    assert.equal((await signIn('solo@example.com', 'de-DE,es-MX;q=0.9,en;q=0.5')).status, 200);
    assert.equal(languageOf(t, 'solo@example.com'), 'es', 'the first of ours it names');
    assert.equal((await signIn('solo@example.com', 'fr')).status, 200);
    assert.equal(languageOf(t, 'solo@example.com'), 'es', 'kept');
    assert.equal((await signIn('hq@example.com', 'de, ja')).status, 200);
    assert.equal(languageOf(t, 'hq@example.com'), null, 'none of ours: English, not stored');
  });

  test('languageFromHeader ranks by q, ignores what we do not have', () => {
    assert.equal(languageFromHeader('fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(languageFromHeader('en;q=0.2, es;q=0.7'), 'es');
    assert.equal(languageFromHeader('de, fr;q=0'), null);
    assert.equal(languageFromHeader(undefined), null);
  });
});

describe('PDFs and mails in the user’s language', () => {
  test('a French user’s invoice PDF has French headings, dates and money; an English user’s the same invoice in English', async () => {
    const t = await testApp();
    await loadBillingData(t.db);
    runBilling(t.db, '2026-10', '2026-11-10', POLICY);
    const pdfOf = async (email: string) => {
      const { bearer } = await t.login(email);
      const [invoice] = (await okJson(t.api(bearer).accounts[':number'].invoices.$get({ param: { number: 'C100001' }, query: {} }))).invoices;
      const res = await t.request(`/accounts/C100001/invoices/${invoice!.id}/pdf`, { headers: bearer });
      assert.equal(res.status, 200);
      return (await pdfText(await res.arrayBuffer())).pages.join('\n');
    };
    t.db.$client.prepare("update users set language = 'fr' where email = 'solo@example.com'").run();
    const french = await pdfOf('solo@example.com');
    for (const heading of ['FACTURE', 'Facture n°', 'Date de facture', "Date d'échéance", 'FACTURÉ À', 'SOLDE DÛ', 'Frais récurrents', 'Sous-total', 'Comment payer', 'Page 1 sur 1', '1 novembre 2026', 'Net 30 jours']) {
      assert.ok(french.includes(heading), `the French PDF shows ${heading}`);
    }
    assert.match(french, /\d,\d\d\s?\$\s?US/, 'money written the French way');
    assert.ok(!french.includes('BALANCE DUE') && !french.includes('How to pay'), 'no English headings');
    // Staff (no language chosen) download the same invoice in English.
    const english = await pdfOf('staff@example.com');
    for (const heading of ['INVOICE', 'BALANCE DUE', 'How to pay', 'November 1, 2026']) assert.ok(english.includes(heading), `the English PDF shows ${heading}`);
  });

  test('a staff answer on a ticket is mailed to each user of the account in their own language', async () => {
    const t = await testApp();
    t.db.$client.prepare("update users set language = 'es' where email = 'east@example.com'").run();
    const east = await t.login('east@example.com');
    const staff = await t.login('staff@example.com');
    const ticket = await okJson(
      t.api(east.bearer).accounts[':number'].tickets.$post({ param: { number: 'C200001' }, json: { subject: 'Sin tono', service: 'trouble', message: 'La línea no tiene tono.' } } as never),
    );
    await okJson(t.api(staff.bearer).tickets[':ticketNumber'].messages.$post({ param: { ticketNumber: String(ticket.number) }, json: { message: 'Lo revisamos hoy.' } } as never));
    await t.idle();
    const toEast = t.mailer.sent.filter((m) => m.to === 'east@example.com').at(-1)!;
    assert.equal(toEast.subject, `[Ticket ${ticket.number}] Re: Sin tono`);
    assert.match(toEast.text, /^Hola, User u_east:/);
    assert.match(toEast.text, /User u_staff, de Harbourline Communications, respondió al ticket \d+, «Sin tono», de la cuenta C200001/);
    assert.match(toEast.text, /Léalo y responda en el portal de facturación:/);
    assert.match(toEast.text, /— Atención al cliente de Harbourline Communications/);
    // Head office's user (no language) reads the same answer in English.
    const toHq = t.mailer.sent.filter((m) => m.to === 'hq@example.com').at(-1)!;
    assert.match(toHq.text, /^Hello User u_hq,/);
  });
});

describe('payment receipt in the payer’s language', () => {
  const gw = useFakeGateway();
  test('a Spanish user’s receipt: subject, fields, money and date in Spanish', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    t.db.$client.prepare("update users set language = 'es' where email = 'solo@example.com'").run();
    const amount = invoices[0]!.total;
    const res = await pay(t, bearer, { amount, opaqueData: cardToken(gw.fake), billTo: BILL_TO });
    assert.equal(res.status, 201);
    await t.idle();
    const receipt = t.mailer.sent.at(-1)!;
    assert.equal(receipt.to, 'solo@example.com');
    const money = new Intl.NumberFormat('es', { style: 'currency', currency: 'USD' }).format(amount / 100);
    assert.equal(receipt.subject, `Pago recibido: ${money} para la cuenta C100001`);
    assert.match(receipt.text, /^Hola, User u_solo:\n\nGracias: hemos recibido su pago\./);
    assert.match(receipt.text, /Tarjeta: Visa terminada en 1111/);
    assert.match(receipt.text, /Fecha: \d{1,2} de [a-z]+ de \d{4}/);
    assert.match(receipt.text, /Saldo después de este pago: /);
    assert.ok(!/Payment received|Balance after/.test(receipt.text), 'nothing in English');
    assert.match(receipt.html!, /<html lang="es">/);
  });
});
