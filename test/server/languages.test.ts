import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languageFromHeader, LANGUAGES, messagesFor } from '../../server/i18n/messages.ts';
import { inviteUser } from '../../server/services/users.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, okJson, testApp, tokenFromLink, type TestApp } from './helpers.ts';
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

describe('sign-in mails in the user’s language', () => {
  const forgot = async (t: TestApp, email: string) => {
    assert.equal((await t.request('/auth/password/forgot', { method: 'POST', json: { email } })).status, 202);
    await t.idle();
    return t.mailer.sent.filter((m) => m.to === email).at(-1)!;
  };

  test('a French user’s password-reset mail is in French: subject, text, HTML, how long the link lasts; and its link works', async () => {
    const t = await testApp({ RESET_TTL_MINUTES: '30' });
    t.db.$client.prepare("update users set language = 'fr' where email = 'solo@example.com'").run();
    const mail = await forgot(t, 'solo@example.com');
    assert.equal(mail.subject, 'Réinitialisez votre mot de passe du portail de facturation de Harbourline Communications');
    assert.match(mail.text, /^Bonjour User u_solo,\n\nQuelqu'un \(vous, espérons-le\) a demandé à réinitialiser le mot de passe/);
    assert.match(mail.text, /le lien ne sert qu'une fois et expire dans 30 minutes\)\u00a0:\nhttp:\/\/localhost:8787\/\?reset=/);
    assert.match(mail.text, /votre mot de passe reste le même\.\n\n— Le service à la clientèle de Harbourline Communications$/);
    assert.match(mail.html!, /^<!doctype html><html lang="fr">/);
    assert.match(mail.html!, /Bonjour User u_solo,<br>|Bonjour User u_solo,<\/p>/);
    assert.ok(mail.html!.includes('expire dans 30 minutes'));
    for (const english of ['Hello', 'Reset your', 'Choose a new password', 'expires in', 'customer care']) {
      assert.ok(!mail.text.includes(english) && !mail.html!.includes(english), `no "${english}"`);
    }
    const res = await t.request('/auth/password/reset', { method: 'POST', json: { token: tokenFromLink(mail.link), password: 'brand-new-password-1' } });
    assert.equal(res.status, 200, 'the link in the French mail resets the password');
  });

  test('a user invited in Spanish gets the invitation in Spanish, keeps Spanish, and a later reset comes in Spanish too', async () => {
    const t = await testApp({ ACTIVATION_TTL_HOURS: '72' });
    const { userId } = inviteUser(t.db, { email: 'nueva@example.com', name: 'Ana Ruiz', account: 'C100001', language: 'es' });
    t.deps.auth.sendActivation(userId);
    await t.idle();
    const invitation = t.mailer.sent.at(-1)!;
    assert.equal(invitation.to, 'nueva@example.com');
    assert.equal(invitation.subject, 'Configure su acceso al portal de facturación de Harbourline Communications');
    assert.match(invitation.text, /^Hola, Ana Ruiz:\n\nSe le ha dado acceso al portal de facturación de Harbourline Communications/);
    assert.match(invitation.text, /\(el enlace funciona una sola vez y vence en 72 horas\):\nhttp:\/\/localhost:8787\/\?activate=/);
    assert.match(invitation.text, /— Atención al cliente de Harbourline Communications$/);
    assert.match(invitation.html!, /<html lang="es">/);
    assert.ok(invitation.html!.includes('vence en 72 horas'));
    assert.ok(!/Hello|Set up|expires in|hours/.test(invitation.text), 'nothing in English');
    assert.equal(languageOf(t, 'nueva@example.com'), 'es', 'the portal opens in Spanish too');
    const activated = await t.request('/auth/activate', { method: 'POST', json: { token: tokenFromLink(invitation.link), password: 'mi-contrasena-nueva-1' } });
    assert.equal(activated.status, 200);
    assert.match((await forgot(t, 'nueva@example.com')).subject, /^Restablezca su contraseña/);
  });

  test('with no language, or one the portal does not have, the mails are in English', async () => {
    const t = await testApp({ RESET_TTL_MINUTES: '60', ACTIVATION_TTL_HOURS: '1' });
    t.db.$client.prepare("update users set language = 'de' where email = 'hq@example.com'").run();
    for (const email of ['solo@example.com', 'hq@example.com']) {
      const mail = await forgot(t, email);
      assert.equal(mail.subject, 'Reset your Harbourline Communications billing portal password');
      assert.match(mail.text, /^Hello User u_\w+,\n\nSomeone \(hopefully you\)/);
      assert.match(mail.text, /expires in 60 minutes\):/);
      assert.match(mail.html!, /<html lang="en">/);
    }
    const { userId } = inviteUser(t.db, { email: 'plain@example.com', name: 'Pat Lee', account: 'C100001' });
    t.deps.auth.sendActivation(userId);
    await t.idle();
    const invitation = t.mailer.sent.at(-1)!;
    assert.equal(invitation.subject, 'Set up your Harbourline Communications billing portal sign-in');
    assert.match(invitation.text, /expires in 1 hour\):/, 'one hour, singular');
    assert.equal(languageOf(t, 'plain@example.com'), null, 'none stored: their browser’s is learnt at first sign-in');
    assert.throws(() => inviteUser(t.db, { email: 'x@example.com', name: 'X', account: 'C100001', language: 'de' as never }), /must be one of en, fr, es/);
    assert.equal((t.db.$client.prepare("select count(*) as n from users where email = 'x@example.com'").get() as { n: number }).n, 0, 'not created');
  });

  test('an existing user added to one more account is told in their own language, not the invitation’s', async () => {
    const t = await testApp();
    t.db.$client.prepare("update users set language = 'fr' where email = 'hq@example.com'").run();
    const result = inviteUser(t.db, { email: 'hq@example.com', name: 'ignored', account: 'C100001', language: 'es' });
    assert.equal(result.created, false);
    assert.equal(result.language, 'fr');
    assert.equal(languageOf(t, 'hq@example.com'), 'fr', 'their choice is kept');
  });
});

/**
 * Every text of the server's catalogue (PDFs, mails, the card frame) in each language: present,
 * and not the English left in place. A new key added to English alone, or copied untranslated
 * into French or Spanish, fails here. Functions are called with markers for their arguments, so
 * their wording is compared, not the values they are given.
 */
describe('the server’s catalogue is complete in every language', () => {
  // Words that are the same in that language, by right.
  const SAME_AS_ENGLISH: Record<string, string[]> = {
    fr: ['pdf.description', 'pdf.total', 'pdf.taxes'],
    es: ['pdf.subtotal', 'pdf.total', 'mail.ticketSubject'],
  };
  const marker = (name: string): unknown =>
    new Proxy({}, { get: (_, key) => (key === Symbol.toPrimitive || key === 'toString' ? () => `‹${name}›` : marker(`${name}.${String(key)}`)) });
  const rendered = (value: unknown): unknown =>
    typeof value === 'function' ? (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => marker(`arg${i}`))) : value;
  function leaves(value: unknown, path = ''): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, path ? `${path}.${key}` : key)) out.set(p, leaf);
    else out.set(path, rendered(value));
    return out;
  }

  test('each key of English is in French and Spanish, translated (the mails among them)', () => {
    const english = leaves(messagesFor('en'));
    assert.ok(english.has('mail.resetBody') && english.has('mail.activationSubject') && english.has('pdf.title'), 'the walk reaches every part');
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const other = leaves(messagesFor(language));
      for (const [path, text] of english) {
        assert.ok(other.has(path), `${language}: ${path} is missing`);
        const translated = other.get(path);
        assert.equal(typeof translated, typeof text, `${language}: ${path}`);
        if (!SAME_AS_ENGLISH[language]!.includes(path)) assert.notEqual(translated, text, `${language}: ${path} is the English text`);
      }
      assert.deepEqual([...other.keys()].filter((p) => !english.has(p)), [], `${language}: no keys English lacks`);
    }
  });
});
