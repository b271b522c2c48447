import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/**
 * What screen readers are told without moving focus: each data widget's live region says
 * "loading…" and then "Loaded." (the same element, so the change is announced), and an error
 * is an alert that carries its message. (Payment results, a saved card, autopay cancelled and
 * a ticket sent are statuses that also take the focus: keyboard.test.ts and payment-e2e.)
 */

async function widget(template: TemplateResult, options: FakeApiOptions) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${template}</bp-provider>`);
  return provider.firstElementChild!;
}

const WIDGETS: Record<string, [TemplateResult, string]> = {
  'My Account': [html`<bp-account-summary></bp-account-summary>`, 'Loading your account…'],
  Invoices: [html`<bp-invoice-list></bp-invoice-list>`, 'Loading invoices…'],
  'Payment History': [html`<bp-payment-history></bp-payment-history>`, 'Loading payments…'],
  Tickets: [html`<bp-tickets></bp-tickets>`, 'Loading tickets…'],
  Services: [html`<bp-services></bp-services>`, 'Loading services…'],
};

describe('announcements', () => {
  for (const [name, [template, loading]] of Object.entries(WIDGETS)) {
    it(`${name}: one live region says loading, then loaded`, async () => {
      const el = await widget(template, { delayMs: 150 });
      const region = await waitFor(() => shadow(el).querySelector('[role=status][aria-live=polite].visually-hidden'), 'the live region');
      await waitFor(() => textOf(region) === loading, `it says "${loading}"`);
      await waitFor(() => textOf(region) === 'Loaded.', 'it says "Loaded."');
      expect(shadow(el).querySelector('[role=status][aria-live=polite].visually-hidden')).to.equal(region, 'the same element: its change is read out');
      expect(shadow(el).querySelectorAll('[aria-live]').length, 'one live region, not one per state').to.equal(1);
    });

    it(`${name}: an error is an alert with its message`, async () => {
      const el = await widget(template, { offlinePaths: /^\/api\/v1\/accounts\// });
      const alert = await waitFor(() => shadow(el).querySelector('[role=alert]'), 'the alert');
      expect(textOf(alert)).to.match(/server|network|reach|connect/i);
      expect(textOf(alert)).to.contain('Try again');
    });
  }
});
