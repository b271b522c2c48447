import { expect, oneEvent } from '@open-wc/testing';
import { customerMe, headOfficeMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { SECTIONS } from '../../components/portal/sections.ts';
import { navLabels, portalWith, shadow, signIn, textOf, waitFor } from './helpers.ts';

const login = (portal: Element) => shadow(portal).querySelector('bp-login');
const heading = (portal: Element) => shadow(portal).querySelector('main h1')?.textContent?.trim();
const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);

describe('<bp-portal>', () => {
  it('shows the sign-in screen when nobody is signed in, accessibly', async () => {
    const { portal } = await portalWith();
    expect(login(portal), 'the sign-in form').to.exist;
    expect(shadow(portal).querySelector('nav')).to.equal(null);
    await expect(portal).to.be.accessible();
  });

  it('signs in to My Account, with the user’s name, Logout, and the guide’s sections', async () => {
    const { portal } = await portalWith();
    const signedIn = oneEvent(portal, 'bp-login');
    await signIn(login(portal)!, 'customer@example.com');
    await signedIn;
    await waitFor(() => heading(portal) === 'My Account', 'My Account');
    expect(navLabels(portal)).to.deep.equal(['My Account', 'Invoices', 'Reports', 'Services', 'Sub Account', 'Tickets']);
    const header = textOf(shadow(portal).querySelector('header')!);
    expect(header).to.contain(customerMe.user.name).and.contain('Logout');
    const info = await waitFor(() => shadow(portal).querySelector('bp-account-summary')?.shadowRoot?.querySelector('bp-account-info'), 'the account information');
    await waitFor(() => textOf(shadow(info)).includes('111 High St'), 'the billing address');
    expect(textOf(shadow(info))).to.contain('Bill Smith');
    await waitFor(() => shadow(portal).activeElement === shadow(portal).querySelector('main h1'), 'focus on the heading');
    await expect(portal).to.be.accessible();
  });

  it('gives a head office its sub-accounts, opens one for the whole portal, and goes back', async () => {
    const { portal } = await portalWith({ signedInAs: headOfficeMe });
    expect(navLabels(portal)).to.deep.equal(['My Account', 'Invoices', 'Reports', 'Services', 'Sub Account', 'Tickets']);
    button(shadow(portal), 'Sub Account')!.click();
    await waitFor(() => heading(portal) === 'Sub Accounts', 'the Sub Accounts screen');
    const list = shadow(portal).querySelector('bp-sub-accounts')!;
    const rows = await waitFor(() => {
      const r = shadow(list).querySelectorAll('tbody tr');
      return r.length ? r : null;
    }, 'the sub-accounts');
    expect(rows.length).to.equal(3);
    expect(textOf(rows[0] as HTMLElement)).to.contain('C200101').and.contain('Portland').and.contain('$');
    await expect(portal).to.be.accessible();

    const change = oneEvent(portal, 'bp-account-change');
    shadow(list).querySelector<HTMLButtonElement>('tbody tr button')!.click();
    expect((await change).detail.number).to.equal('C200101');
    await waitFor(() => heading(portal) === 'My Account', 'the sub-account’s My Account');
    expect(textOf(shadow(portal).querySelector('main')!)).to.contain('C200101');
    expect(shadow(portal).querySelector<HTMLSelectElement>('#account-switcher')!.value).to.equal('C200101');

    // Every screen of the location offers the way back to its head office.
    button(shadow(portal), 'Reports')!.click();
    await waitFor(() => heading(portal) === 'Reports', 'the location’s Reports');
    const back = [...shadow(portal).querySelectorAll<HTMLButtonElement>('main button')].find((b) => b.textContent!.includes('Back to head office'))!;
    expect(textOf(back as HTMLElement)).to.contain('Cascade Outdoor Supply (C200100)');
    await expect(portal).to.be.accessible();
    back.click();
    await waitFor(() => shadow(portal).querySelector<HTMLSelectElement>('#account-switcher')!.value === 'C200100', 'the head office again');
    expect([...shadow(portal).querySelectorAll('main button')].some((b) => b.textContent!.includes('Back to head office'))).to.equal(false);
  });

  it('shows an account that is not a head office the guide’s sentence under Sub Account', async () => {
    const { portal } = await portalWith({ signedInAs: customerMe });
    button(shadow(portal), 'Sub Account')!.click();
    await waitFor(() => heading(portal) === 'Sub Accounts', 'the Sub Accounts screen');
    const list = shadow(portal).querySelector('bp-sub-accounts')!;
    const empty = await waitFor(() => shadow(list).querySelector('.empty'), 'the sentence');
    expect(textOf(empty as HTMLElement)).to.contain("you will only see information here if you have been set up as a 'head office'");
    expect(shadow(list).querySelector('table')).to.equal(null);
  });

  it('switches accounts from the account menu', async () => {
    const { portal } = await portalWith({ signedInAs: headOfficeMe });
    const switcher = shadow(portal).querySelector<HTMLSelectElement>('#account-switcher')!;
    switcher.value = 'C200101';
    switcher.dispatchEvent(new Event('change'));
    await waitFor(() => textOf(shadow(portal).querySelector('main')!).includes('C200101'), 'the other account');
  });

  it('opens Change password from the header, outside the guide’s sections, and back to them', async () => {
    const { portal } = await portalWith({ signedInAs: customerMe });
    await waitFor(() => heading(portal) === 'My Account', 'My Account');
    const open = button(shadow(portal).querySelector('header')!, 'Change password')!;
    open.click();
    await waitFor(() => heading(portal) === 'Your sign-in', 'the Your sign-in screen');
    expect(open.getAttribute('aria-current')).to.equal('page');
    expect(navLabels(portal)).to.deep.equal(['My Account', 'Invoices', 'Reports', 'Services', 'Sub Account', 'Tickets'], 'not one of the sections');
    const form = shadow(portal).querySelector('bp-login')!;
    await waitFor(() => shadow(form).querySelector('#current'), 'the Change password form');
    await waitFor(() => shadow(portal).activeElement === shadow(portal).querySelector('main h1'), 'focus on the heading');
    await expect(portal).to.be.accessible();
    button(shadow(portal), 'Invoices')!.click();
    await waitFor(() => heading(portal) === 'Invoices', 'back to a section');
    expect(open.getAttribute('aria-current')).to.equal('false');
  });

  it('logs out back to the sign-in screen', async () => {
    const { portal, api } = await portalWith({ signedInAs: customerMe });
    const out = oneEvent(portal, 'bp-logout');
    button(shadow(portal), 'Logout')!.click();
    await out;
    await waitFor(() => login(portal), 'the sign-in form');
    expect(api.requests).to.include('POST /api/v1/auth/logout');
  });

  it('lets staff look up any customer account', async () => {
    const { portal } = await portalWith({ signedInAs: staffMe });
    expect(heading(portal)).to.equal('Customer accounts');
    const search = shadow(portal).querySelector('bp-account-search')!;
    const root = shadow(search);
    expect(textOf(root)).not.to.contain('Searching', 'nothing is being searched yet');
    root.querySelector<HTMLInputElement>('#q')!.value = 'bayview';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const result = await waitFor(() => root.querySelector<HTMLButtonElement>('ul button'), 'a result');
    expect(textOf(result)).to.contain('C123456');
    result.click();
    await waitFor(() => heading(portal) === 'My Account', 'the account');
    expect(textOf(shadow(portal).querySelector('main')!)).to.contain('Bayview Dental Group');
  });

  it('says so, with a way to retry, when the server cannot be reached', async () => {
    const { portal } = await portalWith({ offline: true });
    const alert = shadow(portal).querySelector('[role=alert]')!;
    expect(textOf(alert)).to.contain('could not reach the billing portal');
    expect(button(alert, 'Try again')).to.exist;
    await expect(portal).to.be.accessible();
  });

  it('loads a screen’s code when it is opened; when that fails, says so with a retry that shows it', async () => {
    const invoices = SECTIONS.find((s) => s.id === 'invoices')!;
    const load = invoices.load;
    // What a dropped connection does to the import() of the screen's code.
    invoices.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { portal } = await portalWith({ signedInAs: customerMe });
      button(shadow(portal), 'Invoices')!.click();
      const alert = await waitFor(() => shadow(portal).querySelector('main [role=alert]'), 'the error');
      expect(textOf(alert as HTMLElement)).to.contain('This screen could not be loaded. Check your connection, then try again.');
      expect(heading(portal)).to.equal('Invoices');
      expect(shadow(portal).querySelector('bp-invoice-list')).to.equal(null);
      await expect(portal).to.be.accessible();

      invoices.load = load;
      button(alert, 'Try again')!.click();
      const list = await waitFor(() => shadow(portal).querySelector('bp-invoice-list'), 'the invoices, once loaded');
      await waitFor(() => shadow(list).querySelector('tbody tr'), 'their rows');
      // Loaded once: back and forth shows it at once, with no "Loading…" in between.
      button(shadow(portal), 'My Account')!.click();
      await waitFor(() => heading(portal) === 'My Account', 'My Account');
      button(shadow(portal), 'Invoices')!.click();
      await (portal as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(shadow(portal).querySelector('bp-invoice-list')).to.exist;
    } finally {
      invoices.load = load;
    }
  });

  it('leaves the host page alone: no URL or history change, no global styles', async () => {
    const href = location.href;
    const historyLength = history.length;
    const sheets = document.styleSheets.length;
    const adopted = document.adoptedStyleSheets.length;
    const bodyFont = getComputedStyle(document.body).fontFamily;
    const { portal } = await portalWith({ signedInAs: headOfficeMe });
    button(shadow(portal), 'Sub Account')!.click();
    await waitFor(() => heading(portal) === 'Sub Accounts', 'the Sub Accounts screen');
    expect(location.href).to.equal(href);
    expect(history.length).to.equal(historyLength);
    expect(document.styleSheets.length).to.equal(sheets);
    expect(document.adoptedStyleSheets.length).to.equal(adopted);
    expect(getComputedStyle(document.body).fontFamily).to.equal(bodyFont);
  });

  it('passes the accessibility check in the dark theme', async () => {
    const { portal } = await portalWith({ signedInAs: headOfficeMe }, { theme: 'dark' });
    const info = await waitFor(() => shadow(portal).querySelector('bp-account-summary')?.shadowRoot?.querySelector('bp-account-info'), 'the account information');
    await waitFor(() => textOf(shadow(info)).includes('Seattle'), 'the account information');
    expect(getComputedStyle(shadow(portal).querySelector('header')!).backgroundColor).not.to.equal('rgb(255, 255, 255)');
    await expect(portal).to.be.accessible();
  });
});
