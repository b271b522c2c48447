import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi } from '../../stories/fixtures/fake-api.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/**
 * My Account's Cancel autopay question is a module loaded when the customer presses Cancel
 * autopay (a page of its own here, so that nothing loaded it before).
 */
describe('<bp-account-summary> Cancel autopay, loaded on demand', () => {
  after(() => executeServerCommand('fail-requests', {}));

  it('says when the question cannot be loaded (offline), and asks once it can', async () => {
    const api = createFakeApi({ signedInAs: customerMe, autopay: ['C123456'] });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-account-summary></bp-account-summary></bp-provider>`);
    const el = provider.firstElementChild!;
    const payment = await waitFor(() => shadow(el).querySelector('[part=payment]'), 'the payment information');
    const cancel = () => payment.querySelector<HTMLButtonElement>('[data-opens=cancel-autopay]')!;
    await executeServerCommand('fail-requests', { pattern: '/account-summary/cancel-autopay.' });
    cancel().click();
    const alert = await waitFor(() => payment.querySelector('[role=alert]'), 'the error');
    expect(textOf(alert as HTMLElement)).to.equal('We could not reach the billing portal. Check your connection and try again.');
    expect(payment.querySelector('[role=group]')).to.equal(null, 'no question');
    expect([...payment.querySelectorAll('.actions button')].map((b) => b.textContent!.trim())).to.deep.equal(['Make a payment', 'Change card', 'Cancel autopay']);
    await expect(el).to.be.accessible();

    await executeServerCommand('fail-requests', {});
    cancel().click();
    await waitFor(() => payment.querySelector('[role=group]'), 'the question');
    expect(payment.querySelector('[role=alert]')).to.equal(null, 'the error is gone');
  });
});
