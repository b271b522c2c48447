import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { call } from '../../components/api/client.ts';
import type { PortalHost } from '../../components/base/portal-host.ts';
import type { PortalContext } from '../../components/context/portal-context.ts';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { expectAccessibleInBothThemes, shadow, textOf, waitFor } from './helpers.ts';

/**
 * The account data one <bp-provider> (or <bp-portal>) shares among its widgets, checked through
 * the fake API's request log: one request per resource however many widgets show it, and after
 * a write exactly the resources it changed are asked for again, once.
 */

const ACCOUNT = '/api/v1/accounts/C123456';

/** Widgets inside <bp-provider> over the fake API. `held` holds back replies to matching paths until released. */
async function provider(widgets: TemplateResult, options: FakeApiOptions = {}) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  let held: RegExp | null = null;
  const releases: (() => void)[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if (held?.test(path)) await new Promise<void>((release) => releases.push(release));
    return api.fetch(input, init);
  };
  const el = await fixture<PortalHost>(html`<bp-provider .fetcher=${fetch}>${widgets}</bp-provider>`);
  return {
    el,
    api,
    /** The session's store and client, as the widgets get them. */
    portal: () => (el as unknown as { portal: PortalContext }).portal,
    /** How many GETs of a path (with or without a query) the page sent. */
    gets: (path: string) => api.requests.filter((r) => r === `GET ${path}` || r.startsWith(`GET ${path}?`)).length,
    hold: (paths: RegExp) => (held = paths),
    release: () => ((held = null), releases.splice(0).forEach((r) => r())),
  };
}

const summaryShown = (el: Element) => waitFor(() => shadow(el).querySelector('[part=payment]'), 'the summary');
const historyShown = (el: Element) => waitFor(() => shadow(el).querySelector('[part=table]'), 'the payment history');
/** Lets the store's change notices and the reads they start run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the account store of <bp-provider>', () => {
  it('loads what several widgets show once: My Account, a usage meter, a payment form and the history share one summary', async () => {
    const p = await provider(html`
      <bp-account-summary></bp-account-summary>
      <bp-usage-meter></bp-usage-meter>
      <bp-payment-form></bp-payment-form>
      <bp-payment-history></bp-payment-history>
    `);
    const [summary, meter, form, history] = [...p.el.children];
    await summaryShown(summary!);
    await waitFor(() => shadow(meter!).querySelector('[role=meter]'), 'the meter');
    await waitFor(() => shadow(form!).querySelector('.choices'), 'the amounts');
    await historyShown(history!);
    await settle();
    expect(p.gets(`${ACCOUNT}/summary`)).to.equal(1);
    expect(p.gets(`${ACCOUNT}/payments`)).to.equal(1);
  });

  it('after a payment, reads again exactly what it changed, once, for every widget showing it', async () => {
    const p = await provider(html`
      <bp-account-summary></bp-account-summary>
      <bp-usage-meter></bp-usage-meter>
      <bp-payment-history></bp-payment-history>
      <bp-account-info></bp-account-info>
    `);
    const [summary, meter, history, info] = [...p.el.children];
    await summaryShown(summary!);
    await historyShown(history!);
    await waitFor(() => shadow(info!).querySelector('dl'), 'the account information');
    await waitFor(() => shadow(meter!).querySelector('[role=meter]'), 'the meter');
    await settle();
    const before = { summary: p.gets(`${ACCOUNT}/summary`), payments: p.gets(`${ACCOUNT}/payments`), account: p.gets(ACCOUNT) };
    expect(before).to.deep.equal({ summary: 1, payments: 1, account: 1 });

    // What the payment form sends, through the store as the form does.
    const { client, store } = p.portal();
    const json = { amount: 1000, opaqueData: { dataDescriptor: 'COMMON.ACCEPT.INAPP.PAYMENT', dataValue: 'token' }, billTo: { firstName: 'A', lastName: 'B', address: '1 St', city: 'C', state: 'CA', zip: '94114', country: 'US' } };
    await store.write('payment', 'C123456', () =>
      call(client.api.v1.accounts[':number'].payments.$post({ param: { number: 'C123456' }, header: { 'idempotency-key': crypto.randomUUID() }, json })),
    );
    await settle();
    await summaryShown(summary!);
    expect({ summary: p.gets(`${ACCOUNT}/summary`), payments: p.gets(`${ACCOUNT}/payments`), account: p.gets(ACCOUNT) }).to.deep.equal({ summary: 2, payments: 2, account: 1 });
  });

  it('a payment on a location reads its head office’s Sub Accounts again, with the lower balance, and no report or services', async () => {
    const p = await provider(html`<bp-sub-accounts></bp-sub-accounts><bp-report report="ytd-all-in"></bp-report><bp-services></bp-services>`, { signedInAs: headOfficeMe });
    const [subAccounts, report, services] = [...p.el.children];
    const balance = () => shadow(subAccounts!).querySelector('tbody tr td[data-label=Balance]')?.textContent?.trim() ?? null;
    const before = await waitFor(balance, 'the balance of C200101');
    expect(textOf(shadow(subAccounts!).querySelector('tbody tr')!)).to.contain('C200101');
    await waitFor(() => shadow(report!).querySelector('table'), 'the report');
    await waitFor(() => shadow(services!).querySelector('tbody tr'), 'the services');
    await settle();
    const HEAD_OFFICE = '/api/v1/accounts/C200100';
    const reads = () => ({ subAccounts: p.gets(`${HEAD_OFFICE}/sub-accounts`), report: p.gets(`${HEAD_OFFICE}/reports/ytd-all-in`), services: p.gets(`${HEAD_OFFICE}/services`) });
    expect(reads()).to.deep.equal({ subAccounts: 1, report: 1, services: 1 });

    const { client, store } = p.portal();
    const json = { amount: 2500, opaqueData: { dataDescriptor: 'COMMON.ACCEPT.INAPP.PAYMENT', dataValue: 'token' }, billTo: { firstName: 'A', lastName: 'B', address: '1 St', city: 'C', state: 'OR', zip: '97201', country: 'US' } };
    await store.write('payment', 'C200101', () =>
      call(client.api.v1.accounts[':number'].payments.$post({ param: { number: 'C200101' }, header: { 'idempotency-key': crypto.randomUUID() }, json })),
    );
    const after = await waitFor(() => (balance() !== before ? balance() : null), 'the new balance');
    const cents = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
    expect(cents(before) - cents(after!)).to.equal(2500);
    await settle();
    expect(reads()).to.deep.equal({ subAccounts: 2, report: 1, services: 1 });
  });

  it('cancelling autopay in My Account reads the summary again (once, for the meter too) and not the payments', async () => {
    const p = await provider(html`<bp-account-summary></bp-account-summary><bp-usage-meter></bp-usage-meter><bp-payment-history></bp-payment-history>`, { autopay: ['C123456'] });
    const [summary, , history] = [...p.el.children];
    const panel = await summaryShown(summary!);
    await historyShown(history!);
    await settle();
    const buttons = () => [...panel.querySelectorAll<HTMLButtonElement>('.actions button')];
    buttons().find((b) => b.textContent!.includes('Cancel autopay'))!.click();
    await waitFor(() => buttons().find((b) => b.textContent!.includes('Yes, cancel autopay')), 'the confirmation').then((b) => b.click());
    await waitFor(() => textOf(shadow(summary!).querySelector('[part=payment]')!).includes('Manual payment.'), 'manual payment');
    await settle();
    expect(p.gets(`${ACCOUNT}/summary`)).to.equal(2);
    expect(p.gets(`${ACCOUNT}/payments`)).to.equal(1);
  });

  it('refresh() reads again everything shown, once each', async () => {
    const p = await provider(html`<bp-account-summary></bp-account-summary><bp-payment-history></bp-payment-history>`);
    await summaryShown(p.el.children[0]!);
    await historyShown(p.el.children[1]!);
    await settle();
    await p.el.refresh();
    await settle();
    await summaryShown(p.el.children[0]!);
    expect([p.gets(`${ACCOUNT}/summary`), p.gets(`${ACCOUNT}/payments`)]).to.deep.equal([2, 2]);
  });

  it('the payment form offers no amount until it has read the balance again: on opening, and after any write', async () => {
    const p = await provider(html`<bp-account-summary></bp-account-summary>`);
    const summary = p.el.children[0]!;
    const panel = await summaryShown(summary);
    await settle();
    expect(p.gets(`${ACCOUNT}/summary`)).to.equal(1);

    p.hold(/\/summary$/);
    [...panel.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.trim() === 'Make a payment')!.click();
    const form = await waitFor(() => shadow(summary).querySelector('bp-payment-form'), 'the form');
    const formRoot = () => shadow(form);
    await waitFor(() => formRoot().querySelector('[role=status]'), 'reading the balance');
    expect(textOf(formRoot().querySelector('[role=status]')!)).to.contain('Loading your balance');
    expect(formRoot().querySelectorAll('input[type=radio]').length).to.equal(0, 'no amount offered yet');
    expect(formRoot().querySelector('button[type=submit]')).to.equal(null, 'nothing to pay with yet');
    expect(shadow(summary).querySelector('[part=payment]'), 'My Account stays shown meanwhile').to.exist;
    await expectAccessibleInBothThemes(form);

    p.release();
    await waitFor(() => formRoot().querySelectorAll('.choices input[type=radio]').length || null, 'the amounts');
    expect(p.gets(`${ACCOUNT}/summary`)).to.equal(2, 'read again on opening, once for the form and My Account');
    expect(formRoot().querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).to.equal(false);

    // Another widget's write (here: autopay saved elsewhere on the page) makes it read again.
    p.hold(/\/summary$/);
    const { client, store } = p.portal();
    await store.write('autopay', 'C123456', () => call(client.api.v1.accounts[':number'].autopay.$delete({ param: { number: 'C123456' } })));
    await waitFor(() => formRoot().querySelector('.choices [role=status]'), 'checking the balance again');
    expect(textOf(formRoot().querySelector('.choices')!)).to.contain('Checking your balance');
    expect(formRoot().querySelectorAll('.choices input[type=radio]').length).to.equal(0, 'no amount offered meanwhile');
    expect(formRoot().querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).to.equal(true);
    await expect(form).to.be.accessible();
    p.release();
    await waitFor(() => formRoot().querySelectorAll('.choices input[type=radio]').length || null, 'the amounts again');
    await settle();
    expect(p.gets(`${ACCOUNT}/summary`)).to.equal(3, 'one read for My Account and the form');
  });

  it('a widget alone with its data handed in reads nothing', async () => {
    const p = await provider(html`<bp-payment-history .data=${{ payments: [] }}></bp-payment-history>`);
    await settle();
    expect(p.gets(`${ACCOUNT}/payments`)).to.equal(0);
    expect(textOf(shadow(p.el.children[0]!))).to.contain('No payments yet');
  });
});
