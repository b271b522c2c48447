import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { billedInCad, inCredit, onAutopay, summaryOf, USAGE } from '../../stories/fixtures/summaries.ts';
import { paymentsOf } from '../../stories/fixtures/payments.ts';
import { shadow, shownDate, textOf, waitFor } from './helpers.ts';

async function inProvider(widget: TemplateResult, options: FakeApiOptions) {
  const api = createFakeApi(options);
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget}</bp-provider>`);
  return provider.firstElementChild!;
}

/** The terms and values of a definition list, as pairs. */
const pairs = (dl: Element) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), (dt.nextElementSibling as HTMLElement).innerText.replace(/\s+/g, ' ').trim()]);

describe('<bp-account-summary>', () => {
  it('shows Account Information, Payment Information with the pay-by sentence, and Current Usage', async () => {
    const el = await inProvider(html`<bp-account-summary></bp-account-summary>`, { signedInAs: customerMe });
    const payment = await waitFor(() => shadow(el).querySelector('[part=payment]'), 'the payment information');
    const summary = summaryOf('C123456')!;
    const money = (c: number) => `$${(c / 100).toFixed(2)}`;
    expect(pairs(payment.querySelector('dl')!)).to.deep.equal([
      ['Current Balance', money(summary.balance)],
      ['Due Amount', money(summary.dueAmount)],
      ['Past due amount', `${money(summary.pastDue)} (past due)`],
      ['Current Month', `Invoice (${shownDate(summary.currentInvoice!.date)}) ${money(summary.currentInvoice!.total)}`],
      ['Payment method', 'Manual payment.'],
    ]);
    expect(textOf(payment as HTMLElement)).to.contain(`To avoid any late payment charges, please ensure that your payment is received no later than ${shownDate(summary.dueDate!)}.`);
    const info = shadow(el).querySelector('bp-account-info')!;
    expect(textOf(shadow(info))).to.contain('C123456').and.contain('Bill Smith');
    const meter = shadow(shadow(el).querySelector('bp-usage-meter')!).querySelector('[role=meter]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('4997');
    await expect(el).to.be.accessible();
  });

  it('manual payment offers Make a payment and Sign-up for automatic payment; each opens the form for it', async () => {
    const el = await inProvider(html`<bp-account-summary></bp-account-summary>`, { signedInAs: customerMe });
    const payment = await waitFor(() => shadow(el).querySelector('[part=payment]'), 'the payment information');
    const buttons = () => [...payment.querySelectorAll('.actions button')].map((b) => b.textContent!.trim());
    expect(buttons()).to.deep.equal(['Make a payment', 'Sign-up for automatic payment']);
    (payment.querySelectorAll('.actions button')[1] as HTMLButtonElement).click();
    const form = await waitFor(() => shadow(el).querySelector('bp-payment-form'), 'the form');
    expect(form.mode).to.equal('autopay');
    expect(payment.querySelector('.actions')).to.equal(null, 'the actions hide while the form is open');
  });

  it('on autopay: names the card and when it will be charged; Change card; Cancel autopay asks, then goes back to manual', async () => {
    const el = await inProvider(html`<bp-account-summary></bp-account-summary>`, { signedInAs: customerMe, autopay: ['C123456'] });
    let payment = await waitFor(() => shadow(el).querySelector('[part=payment]'), 'the payment information');
    const summary = summaryOf('C123456')!;
    expect(pairs(payment.querySelector('dl')!).at(-1)).to.deep.equal(['Payment method', 'Automatic payment: Visa ending in 1111 (expires 12/2029)']);
    expect(textOf(payment as HTMLElement)).to.contain(`Your Visa ending in 1111 will be charged the balance due on ${shownDate(summary.dueDate!)}.`);
    const buttons = () => [...payment.querySelectorAll('.actions button')];
    expect(buttons().map((b) => b.textContent!.trim())).to.deep.equal(['Make a payment', 'Change card', 'Cancel autopay']);
    await expect(el).to.be.accessible();
    (buttons()[2] as HTMLButtonElement).click();
    await waitFor(() => payment.querySelector('[role=group]'), 'the confirmation');
    expect(textOf(payment.querySelector('[role=group]') as HTMLElement)).to.contain('Stop paying automatically?');
    (buttons()[1] as HTMLButtonElement).click(); // Keep autopay
    await waitFor(() => !payment.querySelector('[role=group]'), 'kept');
    (buttons()[2] as HTMLButtonElement).click();
    await waitFor(() => payment.querySelector('[role=group]'), 'asked again');
    let change: Event | null = null;
    el.addEventListener('bp-autopay-change', (e) => (change = e));
    (buttons()[0] as HTMLButtonElement).click(); // Yes, cancel autopay
    await waitFor(() => pairs(shadow(el).querySelector('[part=payment] dl')!).at(-1)?.[1] === 'Manual payment.', 'manual payment again');
    payment = shadow(el).querySelector('[part=payment]')!;
    expect((change as unknown as { detail: unknown }).detail).to.deep.equal({ autopay: null });
    expect(textOf(payment as HTMLElement)).to.contain('To avoid any late payment charges');
  });

  it('a failed automatic payment is a notice in My Account, with the amount, the reason and what to do', async () => {
    const el = await inProvider(html`<bp-account-summary theme="dark"></bp-account-summary>`, { signedInAs: customerMe, autopay: ['C123456'], autopayDeclined: ['C123456'] });
    const notice = await waitFor(() => shadow(el).querySelector('[part=autopay-notice]'), 'the notice');
    const due = summaryOf('C123456')!.dueAmount;
    expect(textOf(notice as HTMLElement)).to.equal(
      `Your automatic payment of $${(due / 100).toFixed(2)} on Nov 22, 2026 did not go through: This transaction has been declined. Please make a payment, and change the card if it has changed.`,
    );
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(textOf(shadow(el).querySelector('[part=payment]') as HTMLElement)).to.contain('To avoid any late payment charges', 'the bill is to be paid by hand');
    await expect(el).to.be.accessible();
  });

  it('billed in a currency the merchant account does not take: no card is offered, it says how to pay; autopay set up before can still be cancelled', async () => {
    const cad = billedInCad(summaryOf('C123456')!);
    const manual = await inProvider(html`<bp-account-summary .data=${cad}></bp-account-summary>`, { signedInAs: customerMe });
    const payment = await waitFor(() => shadow(manual).querySelector('[part=payment] .actions'), 'the actions');
    expect(textOf(payment as HTMLElement)).to.equal('Card payments are not taken for accounts billed in CAD. Please pay by check or bank transfer.');
    expect(payment.querySelectorAll('button').length).to.equal(0, 'neither Make a payment nor Sign-up for automatic payment');
    await expect(manual).to.be.accessible();

    const enrolled = await inProvider(html`<bp-account-summary .data=${onAutopay(cad)}></bp-account-summary>`, { signedInAs: customerMe });
    const actions = await waitFor(() => shadow(enrolled).querySelector('[part=payment] .actions'), 'the actions');
    expect([...actions.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Cancel autopay']);

    const form = await inProvider(html`<bp-payment-form .data=${cad}></bp-payment-form>`, { signedInAs: customerMe });
    const note = await waitFor(() => shadow(form).querySelector('[role=note]'), 'the note');
    expect(textOf(note as HTMLElement)).to.contain('Card payments are not taken for accounts billed in CAD.');
    expect(shadow(form).querySelector('iframe')).to.equal(null, 'no card frame to type a card into');
    let cancelled = false;
    form.addEventListener('bp-payment-cancel', () => (cancelled = true));
    (shadow(form).querySelector('.actions button') as HTMLButtonElement).click();
    expect(cancelled).to.equal(true, 'Close closes it');
    await expect(form).to.be.accessible();
  });

  it('shows a credit as such, with nothing due', async () => {
    const el = await fixture(html`<bp-account-summary .data=${inCredit}></bp-account-summary>`);
    const dl = shadow(el).querySelector('[part=payment] dl')!;
    expect(pairs(dl)[0]).to.deep.equal(['Current Balance', '$25.00 credit']);
    expect(textOf(shadow(el))).not.to.contain('To avoid any late payment charges');
    await expect(el).to.be.accessible();
  });

  it('has loading and error states, and passes the check in the dark theme', async () => {
    const loading = await inProvider(html`<bp-account-summary></bp-account-summary>`, { signedInAs: customerMe, hangPaths: /summary/ });
    expect((await waitFor(() => shadow(loading).querySelector('[role=status]'), 'loading')).textContent).to.contain('Loading your account');
    const failed = await inProvider(html`<bp-account-summary></bp-account-summary>`, { signedInAs: customerMe, offlinePaths: /summary/ });
    expect(textOf(await waitFor(() => shadow(failed).querySelector('[part=error]'), 'the error') as HTMLElement)).to.contain('could not reach');
    const dark = await inProvider(html`<bp-account-summary theme="dark"></bp-account-summary>`, { signedInAs: headOfficeMe });
    await waitFor(() => shadow(dark).querySelector('[part=payment]'), 'the dark summary');
    await expect(dark).to.be.accessible();
  });
});

describe('<bp-usage-meter>', () => {
  it('shows each plan as the guide does, as an ARIA meter, with the month-end projection', async () => {
    const el = await fixture(html`<bp-usage-meter .data=${USAGE.C123456}></bp-usage-meter>`);
    const text = textOf(shadow(el));
    expect(text).to.contain('VoIP Services - 001835 - CAN/US/PR/MEX/UK').and.contain('4,997 min / 10,000 included');
    const meter = shadow(el).querySelector('[role=meter]')!;
    expect([meter.getAttribute('aria-valuemin'), meter.getAttribute('aria-valuemax'), meter.getAttribute('aria-valuenow')]).to.deep.equal(['0', '10000', '4997']);
    expect(meter.getAttribute('aria-valuetext')).to.equal('4,997 of 10,000 minutes used');
    expect(text).to.contain('At this pace the month ends near 5,996 min on Nov 30, 2026, within the included minutes.');
    expect(shadow(el).querySelector('li.over')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('warns, in colour and in words, when the month will end over the included minutes', async () => {
    const el = await fixture(html`<bp-usage-meter .data=${USAGE.C200100}></bp-usage-meter>`);
    const over = shadow(el).querySelector('li.over')!;
    expect(textOf(over as HTMLElement)).to.contain('about 1,820 min over the included minutes, billed as overage');
    const colour = getComputedStyle(over.querySelector('.used')!).backgroundColor;
    const normal = getComputedStyle(shadow(el).querySelector('li:not(.over) .used')!).backgroundColor;
    expect(colour).not.to.equal(normal);
    await expect(el).to.be.accessible();
  });

  it('loads on its own, and says when the account has no plan with minutes', async () => {
    const el = await inProvider(html`<bp-usage-meter></bp-usage-meter>`, { signedInAs: customerMe });
    await waitFor(() => shadow(el).querySelector('[role=meter]'), 'the meter');
    const empty = await fixture(html`<bp-usage-meter .data=${[]}></bp-usage-meter>`);
    expect(textOf(shadow(empty))).to.contain('No plan with included minutes');
    const dark = await fixture(html`<bp-usage-meter theme="dark" .data=${USAGE.C200100}></bp-usage-meter>`);
    await expect(dark).to.be.accessible();
  });
});

describe('<bp-payment-history>', () => {
  it('lists the payments and refunds newest first with amount, method, card and result', async () => {
    const el = await inProvider(html`<bp-payment-history></bp-payment-history>`, { signedInAs: customerMe });
    const table = await waitFor(() => shadow(el).querySelector('[part=table]'), 'the payments');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent!.trim())).to.deep.equal(['Date', 'Amount', 'Method', 'Card', 'Result']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const expected = paymentsOf('C123456').payments;
    const dollars = (cents: number) => `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;
    const refunded = expected.find((p) => p.refunds.length)!;
    expect(rows.length).to.equal(12, 'a page of the history');
    expect(shadow(el).querySelector('.count')!.textContent).to.equal(`Showing 1–12 of ${expected.length + 1}`, 'each refund is a line of its own');
    // The refund is the newest line: its own date, the money given back, the card it went back to.
    expect(rows[0]).to.deep.equal([shownDate(refunded.refunds[0]!.date), dollars(-refunded.amount), 'Refund', 'MasterCard ending in 0015', 'Refunded']);
    expect(rows[1]).to.deep.equal([shownDate(expected[0]!.date), dollars(expected[0]!.amount), 'Credit card', 'Visa ending in 1111', 'Approved']);
    expect(rows.filter((r) => r[4] === 'Voided')).to.have.length(1);
    expect(rows.filter((r) => r[4] === 'Declined').map((r) => r[3])).to.deep.equal(['MasterCard ending in 0015']);
    expect(rows.some((r) => r[2] === 'Check' && r[3] === '—')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('pages a long history twelve lines at a time, and says which lines it shows', async () => {
    const el = await inProvider(html`<bp-payment-history></bp-payment-history>`, { signedInAs: customerMe });
    await waitFor(() => shadow(el).querySelector('[part=table]'), 'the payments');
    const lines = paymentsOf('C123456').payments.length + 1;
    const pages = Math.ceil(lines / 12);
    const shown = () => [...shadow(el).querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent!.trim());
    const button = (name: string) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=pager] button')].find((b) => b.textContent!.trim() === name)!;
    const firstPage = shown();
    expect(button('Previous').disabled).to.equal(true);
    expect(textOf(shadow(el).querySelector('[part=pager]')!)).to.contain(`Page 1 of ${pages}`);
    button('Next').click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).querySelector('.count')!.textContent).to.equal(`Showing 13–24 of ${lines}`);
    expect(shown()).to.have.length(12);
    expect(shown()[0]).not.to.equal(firstPage[0]);
    for (let page = 2; page < pages; page++) button('Next').click(), await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shown()).to.have.length(lines - (pages - 1) * 12);
    expect(button('Next').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows amounts in the account's currency", async () => {
    const payment = { ...paymentsOf('C123456').payments[0]!, amount: 2500, refunds: [{ id: 1, date: '2026-11-20', amount: 500 }] };
    const el = await fixture(html`<bp-payment-history .data=${{ currency: 'CAD', payments: [payment] }}></bp-payment-history>`);
    const amounts = [...shadow(el).querySelectorAll('tbody td.number')].map((td) => td.textContent!.trim());
    expect(amounts).to.deep.equal(['-CA$5.00', 'CA$25.00']);
    expect(shadow(el).querySelector('[part=pager]')).to.equal(null, 'no pager for a history that fits on one page');
  });

  it('has empty, loading, error and dark states', async () => {
    const empty = await fixture(html`<bp-payment-history .data=${{ currency: 'USD', payments: [] }}></bp-payment-history>`);
    expect(textOf(shadow(empty))).to.contain('No payments yet');
    const loading = await inProvider(html`<bp-payment-history></bp-payment-history>`, { signedInAs: customerMe, hangPaths: /payments/ });
    expect((await waitFor(() => shadow(loading).querySelector('[role=status]'), 'loading')).textContent).to.contain('Loading payments');
    const failed = await inProvider(html`<bp-payment-history></bp-payment-history>`, { signedInAs: customerMe, offlinePaths: /payments/ });
    await waitFor(() => shadow(failed).querySelector('[part=error]'), 'the error');
    const dark = await inProvider(html`<bp-payment-history theme="dark"></bp-payment-history>`, { signedInAs: customerMe });
    await waitFor(() => shadow(dark).querySelector('[part=table]'), 'the dark table');
    await expect(dark).to.be.accessible();
  });
});
