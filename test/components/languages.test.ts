import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BpPortal } from '../../components/portal/portal.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi } from '../../stories/fixtures/fake-api.ts';
import { invoicePage } from '../../stories/fixtures/invoices.ts';
import { navLabels, shadow, textOf } from './helpers.ts';

/** As the helpers' waitFor, with room for a language's module to load on a busy machine. */
async function waitFor<T>(find: () => T | null | undefined, message: string): Promise<T> {
  let found: T | null | undefined;
  await waitUntil(() => Boolean((found = find())), message, { timeout: 10_000 });
  return found as T;
}

/** The portal signed in over the fake API, once its navigation shows. */
async function signedInPortal(options: Parameters<typeof createFakeApi>[0], lang?: string) {
  const api = createFakeApi(options);
  const portal = await fixture<BpPortal>(html`<bp-portal .fetcher=${api.fetch} lang=${lang ?? ''}></bp-portal>`);
  if (!lang) portal.removeAttribute('lang');
  await waitFor(() => shadow(portal).querySelector('nav'), 'the navigation');
  return { portal, api };
}

const navIs = (portal: Element, first: string) => waitFor(() => navLabels(portal)[0] === first || null, `the navigation in "${first}"`);

describe('the kit’s language', function () {
  this.timeout(30_000);
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('follows the page’s <html lang>, and a change of it re-renders without a reload; an unknown language is English', async () => {
    document.documentElement.lang = 'fr-CA';
    const { portal } = await signedInPortal({ signedInAs: customerMe });
    await navIs(portal, 'Mon compte');
    expect(navLabels(portal)).to.deep.equal(['Mon compte', 'Factures', 'Rapports', 'Services', 'Sous-comptes', 'Billets de support']);
    const summary = shadow(portal).querySelector('bp-account-summary')!;
    const payment = await waitFor(() => shadow(summary).querySelector('[part=payment]'), 'the payment information');
    await waitFor(() => textOf(payment as HTMLElement).includes('Solde actuel') || null, 'French labels');
    // Money in French-Canadian form: a comma for the cents and the sign after.
    expect(textOf(payment as HTMLElement)).to.match(/Solde actuel \d[\d\s\u00a0\u202f]*,\d\d\s?\$/);
    document.documentElement.lang = 'es';
    await navIs(portal, 'Mi cuenta');
    expect(navLabels(portal)).to.deep.equal(['Mi cuenta', 'Facturas', 'Informes', 'Servicios', 'Subcuentas', 'Tickets de soporte']);
    await waitFor(() => textOf(payment as HTMLElement).includes('Saldo actual') || null, 'Spanish inside the sections too');
    document.documentElement.lang = 'de';
    await navIs(portal, 'My Account');
  });

  it('<bp-portal lang="es"> is Spanish on an English page; a widget’s own lang decides for it', async () => {
    const { portal } = await signedInPortal({ signedInAs: customerMe }, 'es');
    await navIs(portal, 'Mi cuenta');
    const list = await fixture(html`<bp-invoice-list lang="fr" .data=${invoicePage('C123456', { pageSize: 3 })}></bp-invoice-list>`);
    const headers = () => [...shadow(list).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    await waitFor(() => headers()[0] === 'Date de facture' || null, 'French headers');
    expect(headers()).to.deep.equal(['Date de facture', 'N° de client', 'Nom du client', 'Total', 'Solde', 'État', 'Télécharger']);
    // Dates with the month named, so 1/11 and 11/1 are never confused.
    const firstDate = shadow(list).querySelector('tbody tr td')!.textContent!;
    expect(firstDate).to.match(/\d{1,2} [a-zéû]+\.? \d{4}/);
  });

  it('the language menu switches the portal at once and saves the user’s choice; sign-out gives the page’s language back', async () => {
    const { portal, api } = await signedInPortal({ signedInAs: customerMe });
    await navIs(portal, 'My Account');
    const menu = shadow(portal).querySelector<HTMLSelectElement>('header select#language')!;
    expect([...menu.options].map((o) => [o.value, o.textContent, o.lang])).to.deep.equal([
      ['en', 'English', 'en'],
      ['fr', 'Français', 'fr'],
      ['es', 'Español', 'es'],
    ]);
    menu.value = 'fr';
    menu.dispatchEvent(new Event('change'));
    await navIs(portal, 'Mon compte');
    expect(portal.getAttribute('lang')).to.equal('fr');
    await waitFor(() => api.requests.includes('PUT /api/v1/me/language') || null, 'the choice saved');
    const me = (await (await api.fetch('/api/v1/me')).json()) as { language: string };
    expect(me.language).to.equal('fr');
    await expect(portal).to.be.accessible();
    (shadow(portal).querySelector('header .user button:last-of-type') as HTMLButtonElement).click(); // Logout (Déconnexion)
    await waitFor(() => shadow(portal).querySelector('bp-login') || null, 'the sign-in form');
    expect(portal.hasAttribute('lang')).to.equal(false, 'the page gave it no lang');
    await waitFor(() => textOf(shadow(shadow(portal).querySelector('bp-login')!)).includes('Log in') || null, 'English again');
  });

  it('a user who chose Spanish before sees the portal in Spanish as they sign in, whatever the page says', async () => {
    document.documentElement.lang = 'fr';
    const { portal } = await signedInPortal({ signedInAs: { ...customerMe, language: 'es' } });
    await navIs(portal, 'Mi cuenta');
    expect(shadow(portal).querySelector<HTMLSelectElement>('#language')!.value).to.equal('es');
  });
});
