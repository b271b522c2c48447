import { expect, fixture, html } from '@open-wc/testing';
import type { BpPaymentForm } from '../../components/payment-form/payment-form.ts';
import { parseAmount } from '../../components/payment-form/payment-form.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi } from '../../stories/fixtures/fake-api.ts';
import { inCredit, onAutopay as onAutopayFixture, summaryOf } from '../../stories/fixtures/summaries.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/** The form inside <bp-provider> over the fake API (the card frame itself is tested end to end in test/server/payment-e2e.test.ts). */
async function paymentForm(data = summaryOf('C123456')!, theme = 'light', mode: 'pay' | 'autopay' = 'pay') {
  const api = createFakeApi({ signedInAs: customerMe });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-payment-form .data=${data} theme=${theme} mode=${mode}></bp-payment-form></bp-provider>`);
  const form = provider.firstElementChild as BpPaymentForm;
  await waitFor(() => shadow(form).querySelector('iframe'), 'the form and its card frame');
  return { form, root: shadow(form), api };
}

describe('<bp-payment-form>', () => {
  it('has the guide\'s automatic payment check box at the bottom, off unless ticked, naming the card it would replace', async () => {
    const { root } = await paymentForm();
    const box = root.querySelector<HTMLInputElement>('.check input[type=checkbox]')!;
    expect(box.checked).to.equal(false, 'off unless asked');
    expect(textOf(root.querySelector('.check')!)).to.equal('Sign me up for automatic payment: charge this card for my bill on each due date');
    const onAutopay = await paymentForm(onAutopayFixture(summaryOf('C123456')!));
    expect(textOf(onAutopay.root.querySelector('.check')!)).to.contain('instead of Visa ending in 1111');
  });

  it('as Sign-up for automatic payment: no amount, says nothing is charged today, and saves the card (also when changing it)', async () => {
    const { form, root } = await paymentForm(summaryOf('C123456')!, 'light', 'autopay');
    expect(textOf(root.querySelector('h2')!)).to.equal('Sign-up for automatic payment');
    expect(root.querySelector('.choices')).to.equal(null);
    expect(root.querySelector('.check')).to.equal(null);
    expect(textOf(root)).to.contain('nothing is charged today');
    expect(textOf(root.querySelector('button[type=submit]')!)).to.equal('Save card for automatic payment');
    expect(root.querySelector('iframe')).to.exist;
    await expect(form).to.be.accessible();
    const change = await paymentForm(onAutopayFixture(summaryOf('C123456')!), 'dark', 'autopay');
    expect(textOf(change.root.querySelector('h2')!)).to.equal('Change card for automatic payment');
    expect(textOf(change.root)).to.contain('It replaces Visa ending in 1111.');
    await expect(change.form).to.be.accessible();
  });

  it('offers the balance due, past due only, the latest invoice or another amount, with the billing address filled in', async () => {
    const { form, root } = await paymentForm();
    const summary = summaryOf('C123456')!;
    const labels = [...root.querySelectorAll('.choices label:has(input[type=radio])')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal([
      `Balance due: $${(summary.dueAmount / 100).toFixed(2)}`,
      `Past due only: $${(summary.pastDue / 100).toFixed(2)}`,
      `Latest invoice: $${(summary.currentInvoice!.balance / 100).toFixed(2)}`,
      'Another amount',
    ]);
    expect(root.querySelector<HTMLInputElement>('.choices input')!.checked).to.equal(true, 'the balance due by default');
    expect(root.querySelector<HTMLInputElement>('#line1')!.value).to.equal('111 High St');
    expect(root.querySelector<HTMLInputElement>('#zip')!.value).to.equal('94114');
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts');
    expect(frame.getAttribute('src')).to.contain('/card-frame?origin=');
    await expect(form).to.be.accessible();
  });

  it('loading the account on its own, it still fills in the billing address', async () => {
    const api = createFakeApi({ signedInAs: customerMe });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-payment-form></bp-payment-form></bp-provider>`);
    const root = shadow(provider.firstElementChild!);
    await waitFor(() => root.querySelector<HTMLInputElement>('#line1')?.value, 'the address');
    expect(root.querySelector<HTMLInputElement>('#line1')!.value).to.equal('111 High St');
  });

  it('names every missing or wrong field, and sends nothing', async () => {
    const { root, api } = await paymentForm();
    root.querySelectorAll<HTMLInputElement>('.choices input')[3]!.click();
    await waitFor(() => root.querySelector('#other'), 'the amount field');
    const other = root.querySelector<HTMLInputElement>('#other')!;
    other.value = '12.345';
    other.dispatchEvent(new Event('input'));
    const zip = root.querySelector<HTMLInputElement>('#zip')!;
    zip.value = '';
    zip.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => root.querySelector('#amount-error'), 'the amount error');
    expect(textOf(root.querySelector('#amount-error')!)).to.equal('Enter an amount like 403.99.');
    expect(textOf(root.querySelector('#zip-error')!)).to.contain('Zip');
    expect(root.querySelector('#zip')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.requests.filter((r) => r.startsWith('POST'))).to.deep.equal([]);
  });

  it('shows each error once under its field, and one summary at the top that links to each and has the focus', async () => {
    const { form, root } = await paymentForm(summaryOf('C123456')!, 'dark');
    for (const id of ['city', 'zip']) {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = '';
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const summary = await waitFor(() => root.querySelector<HTMLElement>('[part=error-summary]'), 'the summary');
    expect(root.querySelector('form')!.firstElementChild).to.equal(summary, 'at the top of the form');
    await waitFor(() => root.activeElement === summary || null, 'focus on the summary');
    const links = [...summary.querySelectorAll('a')];
    const messages = ["Enter the City of the card's billing address.", "Enter the Zip of the card's billing address."];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(messages);
    const text = textOf(root);
    for (const message of messages) expect(text.split(message).length - 1).to.equal(2, `"${message}" under its field and in the summary, nowhere else`);
    const href = location.href;
    links[1]!.click();
    expect(root.activeElement).to.equal(root.querySelector('#zip'), 'the link goes to its field');
    expect(location.href).to.equal(href, 'without touching the page URL');
    await expect(form).to.be.accessible();
  });

  it('with nothing due, asks for an amount; in the dark theme too', async () => {
    const { form, root } = await paymentForm(inCredit, 'dark');
    const labels = [...root.querySelectorAll('.choices label:has(input[type=radio])')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Another amount']);
    expect(root.querySelector('#other')).to.exist;
    expect(root.querySelector('iframe')!.getAttribute('src')).to.contain('theme=dark');
    await expect(form).to.be.accessible();
  });

  it('reads amounts as people type them', () => {
    expect([parseAmount('403.99'), parseAmount('$1,200'), parseAmount(' 5.5 '), parseAmount('0'), parseAmount('1.234'), parseAmount('abc'), parseAmount('-3')]).to.deep.equal([
      40399, 120000, 550, 0, null, null, null,
    ]);
  });

  it('reads amounts as people type them in their language: a decimal comma is never taken for thousands', () => {
    const cents = (locale: string, ...typed: string[]) => typed.map((t) => parseAmount(t, locale));
    // French writes 1 200,50 $ (a narrow no-break space between thousands); "12,50" is twelve dollars fifty, not 1,250.
    expect(cents('fr', '12,50', '150,5', '1 200,50', '1\u202f200,50 $', '1\u00a0200', '12.50', '403,99 $ CA')).to.deep.equal([1250, 15050, 120050, 120050, 120000, 1250, 40399]);
    // Spanish writes 1.200,50.
    expect(cents('es', '12,50', '1.200,50', '1.200', '12.50')).to.deep.equal([1250, 120050, 120000, 1250]);
    // English: a comma followed by one or two digits can only be a decimal comma.
    expect(cents('en', '12,50', '1,200.50', '1,200', 'CA$1,200.05')).to.deep.equal([1250, 120050, 120000, 120005]);
    // What could be read two ways, or not as money at all, is refused, never guessed.
    expect(cents('fr', '1.200', '1,234', '12,345,67', '1,2,3')).to.deep.equal([null, null, null, null]);
    expect(cents('en', '1.200', '12,3456', '1,20,000', '1.200,50')).to.deep.equal([null, null, null, null]);
  });

  it('in French, asks for an amount the French way', async () => {
    document.documentElement.lang = 'fr';
    try {
      const { root } = await paymentForm(inCredit);
      await waitFor(() => (root.querySelector('h2')?.textContent?.trim() !== 'Make a payment' && root.querySelector('#other')?.getAttribute('placeholder') === '0,00') || null, 'the form in French');
      const other = root.querySelector<HTMLInputElement>('#other')!;
      other.value = '12.345';
      other.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const error = await waitFor(() => root.querySelector('#amount-error'), 'the amount error');
      expect(textOf(error)).to.equal('Saisissez un montant comme 403,99.');
    } finally {
      document.documentElement.lang = 'en';
    }
  });
});
