import { expect, fixture, html } from '@open-wc/testing';
import type { BpPaymentForm } from '../../components/payment-form/payment-form.ts';
import { parseAmount } from '../../components/payment-form/payment-form.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi } from '../../stories/fixtures/fake-api.ts';
import { inCredit, summaryOf } from '../../stories/fixtures/summaries.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/** The form inside <bp-provider> over the fake API (the card frame itself is tested end to end in test/server/payment-e2e.test.ts). */
async function paymentForm(data = summaryOf('C123456')!, theme = 'light') {
  const api = createFakeApi({ signedInAs: customerMe });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-payment-form .data=${data} theme=${theme}></bp-payment-form></bp-provider>`);
  const form = provider.firstElementChild as BpPaymentForm;
  await waitFor(() => shadow(form).querySelector('form'), 'the form');
  return { form, root: shadow(form), api };
}

describe('<bp-payment-form>', () => {
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
});
