import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { customerMe, headOfficeMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { invoiceDetail } from '../../stories/fixtures/invoices.ts';
import { chargeQuestionDraft } from '../../components/tickets/charge-question.ts';
import { REPORTS } from '../../components/reports/report-meta.ts';
import { portalWith, shadow, waitFor } from './helpers.ts';
import { useLanguage } from '../../components/i18n/localize.ts';

/**
 * Every screen at 320 px, light and dark: no element may be wider than its panel, and no panel
 * or widget wider than itself (so nothing is cut off and the page never scrolls sideways).
 * Tables stack or scroll inside their panel; scrolling there is fine, overflowing it is not,
 * but a table meant to stack (`table.stack`) has stacked: none of its cells is out of view.
 * Both on a phone (the window 320 px wide) and in a 320 px column of a wide page (a reseller's
 * sidebar): the widgets lay out for the width they get, not for the window's.
 */

/** Every element in `root`, its own shadow tree and the shadow trees below it. */
function* everything(root: Element | ShadowRoot): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* everything(root.shadowRoot);
  for (const el of root.children) {
    yield el;
    yield* everything(el);
  }
}

const describeEl = (el: Element) => `${el.localName}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;

/**
 * What is too wide: a widget, panel, form or main area whose content is wider than it
 * (scrollWidth > clientWidth), and any element reaching past the right edge of its panel
 * or of the page.
 */
function overflows(root: Element): string[] {
  const problems: string[] = [];
  const pageWidth = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > pageWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${pageWidth})`);
  const all = [root, ...everything(root)];
  for (const el of all) {
    const style = getComputedStyle(el);
    if (style.display === 'contents' || style.display === 'none') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0) continue;
    const measured = el.localName.startsWith('bp-') || el.matches('.panel, main, header, nav, form, fieldset, .sign-in');
    if (measured && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'auto' && style.overflowX !== 'scroll') {
      problems.push(`${describeEl(el)} is ${el.scrollWidth}px wide inside ${el.clientWidth}px`);
    }
    // Inside a scrolling box an element may reach further: the box scrolls; what is clipped away (for screen readers only) is not seen.
    if (insideScrollerOrClipped(el)) continue;
    const panel = panelOf(el);
    const edge = panel ? panel.getBoundingClientRect().right : pageWidth;
    if (box.right > edge + 1) problems.push(`${describeEl(el)} reaches ${Math.round(box.right - edge)}px past ${panel ? describeEl(panel) : 'the page'}`);
  }
  for (const cell of all.filter((el) => el.localName === 'td' && el.closest('table')!.matches('.stack'))) {
    const panel = panelOf(cell);
    const right = cell.getBoundingClientRect().right;
    if (panel && right > panel.getBoundingClientRect().right + 1) problems.push(`${describeEl(cell)} (${cell.getAttribute('data-label') ?? ''}) is out of view: its table did not stack`);
  }
  return problems;
}

/** The nearest panel (across shadow roots) around an element. */
function panelOf(el: Element): Element | null {
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.matches('.panel')) return node;
  }
  return null;
}

function insideScrollerOrClipped(el: Element): boolean {
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (!(node instanceof Element)) continue;
    const style = getComputedStyle(node);
    if (['auto', 'scroll'].includes(style.overflowX) || style.clip !== 'auto') return true;
  }
  return false;
}

/** The width of the page's column the screens get; null: the whole window. */
let column: number | null = null;

async function inProvider(widget: TemplateResult, options: FakeApiOptions = {}) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const page = await fixture(html`<div style=${column ? `width: ${column}px` : ''}><bp-provider .fetcher=${api.fetch}>${widget}</bp-provider></div>`);
  return page.firstElementChild!.firstElementChild!;
}

/** The portal in the column. */
async function portalIn(options: FakeApiOptions, theme: string) {
  const { portal } = await portalWith(options, { theme });
  if (column) portal.style.width = `${column}px`;
  return portal;
}

const loaded = (el: Element, selector: string) => waitFor(() => shadow(el).querySelector(selector), `${el.localName}: ${selector}`);

/** Chooses an option of a select in the element, as a user does. */
async function choose(el: Element, selector: string, value: string) {
  const select = shadow(el).querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

/** The screens, each set up and waited for: what a phone user sees. */
const SCREENS: Record<string, (theme: string) => Promise<Element>> = {
  'sign-in': async (theme) => await portalIn({}, theme),
  'My Account': async (theme) => {
    const portal = await portalIn({ signedInAs: customerMe }, theme);
    const summary = await waitFor(() => shadow(portal).querySelector('bp-account-summary'), 'My Account');
    await loaded(summary, '[part=payment]');
    await loaded(shadow(portal).querySelector('bp-payment-history')!, '[part=table]');
    return portal;
  },
  'Make a payment': async (theme) => {
    const el = await inProvider(html`<bp-account-summary theme=${theme}></bp-account-summary>`);
    const panel = await loaded(el, '[part=payment]');
    panel.querySelector<HTMLButtonElement>('.actions button')!.click();
    const form = await loaded(el, 'bp-payment-form');
    await loaded(form, '.choices input');
    // With every error shown: the summary and the messages under the fields.
    for (const id of ['line1', 'city', 'zip']) {
      const input = shadow(form).querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = '';
      input.dispatchEvent(new Event('input'));
    }
    shadow(form).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await loaded(form, '#zip-error');
    return el;
  },
  'Sign-up for automatic payment': async (theme) => {
    const el = await inProvider(html`<bp-payment-form mode="autopay" theme=${theme}></bp-payment-form>`);
    await loaded(el, 'form');
    return el;
  },
  Invoices: async (theme) => {
    const el = await inProvider(html`<bp-invoice-list theme=${theme}></bp-invoice-list>`);
    await loaded(el, 'tr.invoice');
    shadow(el).querySelector<HTMLButtonElement>('tr.invoice button')!.click();
    await loaded(el, '[part=lines]');
    return el;
  },
  'Payment History': async (theme) => {
    const el = await inProvider(html`<bp-payment-history theme=${theme}></bp-payment-history>`);
    await loaded(el, '[part=table]');
    return el;
  },
  'Sub Accounts': async (theme) => {
    const el = await inProvider(html`<bp-sub-accounts theme=${theme}></bp-sub-accounts>`, { signedInAs: headOfficeMe });
    await loaded(el, 'tbody tr');
    return el;
  },
  'a location’s My Account, opened from its head office': async (theme) => {
    const portal = await portalIn({ signedInAs: headOfficeMe }, theme);
    const switcher = await waitFor(() => shadow(portal).querySelector<HTMLSelectElement>('#account-switcher'), 'the account switcher');
    switcher.value = 'C200101';
    switcher.dispatchEvent(new Event('change'));
    await waitFor(() => shadow(portal).querySelector('.back-to-head-office'), 'the way back to the head office');
    const summary = await waitFor(() => shadow(portal).querySelector('bp-account-summary'), 'My Account');
    await loaded(summary, '[part=payment]');
    await loaded(shadow(portal).querySelector('bp-payment-history')!, '[part=table]');
    return portal;
  },
  Reports: async (theme) => {
    const el = await inProvider(html`<bp-reports theme=${theme}></bp-reports>`);
    await loaded(el, '[part=list]');
    return el;
  },
  ...Object.fromEntries(
    REPORTS.map(({ name, title, chart }) => [
      `Report: ${title}`,
      async (theme: string) => {
        const el = await inProvider(html`<bp-report theme=${theme} report=${name}></bp-report>`);
        if (name === 'usage-details') {
          // A page of calls, the filters, and a custom range of months (its two month fields).
          await loaded(el, 'table');
          await choose(el, '#period', 'last-quarter');
          await waitFor(() => (shadow(el).querySelectorAll('tbody tr').length === 25 ? true : null), 'a page of calls');
          await choose(el, '#period', 'custom');
          await loaded(el, '#from');
        }
        await loaded(el, 'table');
        if (chart) await waitFor(() => shadow(el).querySelector<HTMLCanvasElement>('canvas')?.style.width || null, 'the chart drawn');
        return el;
      },
    ]),
  ),
  'a head office’s report, with all sub-accounts': async (theme) => {
    const el = await inProvider(html`<bp-report theme=${theme} report="subscribers" rollup></bp-report>`, { signedInAs: headOfficeMe });
    // Rolled up, Subscribers has a Customer # column first: ten in all (in any language).
    await waitFor(() => (shadow(el).querySelectorAll('thead th').length === 10 ? true : null), 'the Customer # column');
    return el;
  },
  'Services, a location opened': async (theme) => {
    const el = await inProvider(html`<bp-services theme=${theme}></bp-services>`);
    (await loaded(el, 'tbody button') as HTMLButtonElement).click();
    await loaded(el, '[part=subscriptions]');
    return el;
  },
  'Services of a head office, with all sub-accounts': async (theme) => {
    const el = await inProvider(html`<bp-services theme=${theme} rollup show-ended></bp-services>`, { signedInAs: headOfficeMe });
    await waitFor(() => (shadow(el).querySelectorAll('table[part=table] > tbody > tr').length === 4 ? true : null), 'four locations');
    return el;
  },
  'Reports in the portal': async (theme) => {
    const portal = await portalIn({ signedInAs: headOfficeMe }, theme);
    // The guide's order (in any language): My Account, Invoices, Reports…
    shadow(portal).querySelectorAll<HTMLButtonElement>('nav button')[2]!.click();
    const reports = await waitFor(() => shadow(portal).querySelector('bp-reports'), 'Reports');
    (await loaded(reports, '[data-report="ytd-all-in"]') as HTMLButtonElement).click();
    const report = await loaded(reports, 'bp-report');
    await loaded(report, 'table');
    return portal;
  },
  'head office portal': async (theme) => {
    const portal = await portalIn({ signedInAs: headOfficeMe }, theme);
    await waitFor(() => shadow(portal).querySelector('#account-switcher'), 'the account switcher');
    return portal;
  },
  'staff search': async (theme) => {
    const portal = await portalIn({ signedInAs: staffMe }, theme);
    const search = await waitFor(() => shadow(portal).querySelector('bp-account-search'), 'the search');
    shadow(search).querySelector<HTMLInputElement>('#q')!.value = 'c';
    shadow(search).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await loaded(search, '[part=results]');
    return portal;
  },
  Tickets: async (theme) => {
    const el = await inProvider(html`<bp-tickets theme=${theme}></bp-tickets>`);
    await loaded(el, 'tr.ticket');
    return el;
  },
  'Tickets in the portal, with the unread count': async (theme) => {
    const portal = await portalIn({ signedInAs: customerMe }, theme);
    await waitFor(() => shadow(portal).querySelector('nav .badge'), 'the unread count');
    shadow(portal).querySelectorAll<HTMLButtonElement>('nav button')[5]!.click(); // Tickets
    await loaded(await waitFor(() => shadow(portal).querySelector('bp-tickets'), 'Tickets'), 'tr.ticket');
    return portal;
  },
  'a ticket’s conversation': async (theme) => {
    const el = await inProvider(html`<bp-tickets theme=${theme} .ticket=${282}></bp-tickets>`);
    const thread = await loaded(el, 'bp-ticket-thread');
    await loaded(thread, 'ol.messages');
    return el;
  },
  'a ticket about an invoice line': async (theme) => {
    const el = await inProvider(html`<bp-ticket-thread theme=${theme} account-number="C123456" ticket-number="283"></bp-ticket-thread>`);
    await loaded(el, '.about');
    return el;
  },
  'New ticket, with every error': async (theme) => {
    const el = await inProvider(html`<bp-tickets theme=${theme} .draft=${{}}></bp-tickets>`);
    const form = await loaded(el, 'bp-ticket-form');
    await waitFor(() => (shadow(form).querySelectorAll('#subscriptionId option').length > 1 ? true : null), 'the subscribers');
    shadow(form).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await loaded(form, '#subject-error');
    return el;
  },
  'Question about this charge': async (theme) => {
    const invoice = invoiceDetail('C123456', 1000)!;
    const el = await inProvider(html`<bp-tickets theme=${theme} .draft=${chargeQuestionDraft(invoice, invoice.lines[3]!)}></bp-tickets>`);
    const form = await loaded(el, 'bp-ticket-form');
    await loaded(form, '.about');
    return el;
  },
  'Ticket queue': async (theme) => {
    const el = await inProvider(html`<bp-ticket-queue theme=${theme}></bp-ticket-queue>`, { signedInAs: staffMe });
    await loaded(el, 'tr.ticket');
    return el;
  },
  'a ticket in the queue, with the staff’s tools': async (theme) => {
    const el = await inProvider(html`<bp-ticket-queue theme=${theme} .ticket=${282}></bp-ticket-queue>`, { signedInAs: staffMe });
    const thread = await loaded(el, 'bp-ticket-thread');
    await loaded(thread, 'li.message.note');
    return el;
  },
  'Account Information and usage': async (theme) => {
    const el = await inProvider(html`<div><bp-account-info theme=${theme}></bp-account-info><bp-usage-meter theme=${theme}></bp-usage-meter></div>`, { signedInAs: headOfficeMe });
    await loaded(el.children[0]!, 'dl');
    await loaded(el.children[1]!, '[role=meter]');
    return el;
  },
};

describe('at 320 px wide', () => {
  before(() => setViewport({ width: 320, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['light', 'dark']) {
    for (const [name, show] of Object.entries(SCREENS)) {
      it(`${name} (${theme}) fits: nothing overflows its panel`, async () => {
        const el = await show(theme);
        expect(overflows(el).join('\n')).to.equal('');
      });
    }
  }

  it('the invoice table keeps Balance, Status and Download in view, and the history its Result', async () => {
    const list = await SCREENS.Invoices!('light');
    const row = shadow(list).querySelector('tr.invoice')!;
    const panel = shadow(list).querySelector('.panel')!.getBoundingClientRect();
    for (const cell of row.querySelectorAll('td')) {
      const box = cell.getBoundingClientRect();
      expect(box.right, `${cell.textContent!.trim()} in view`).to.be.at.most(panel.right);
    }
    const history = await SCREENS['Payment History']!('light');
    const result = shadow(history).querySelector('tbody tr td:last-child')!.getBoundingClientRect();
    expect(result.right).to.be.at.most(shadow(history).querySelector('.panel')!.getBoundingClientRect().right);
    await expect(list).to.be.accessible();
    await expect(history).to.be.accessible();
  });
});

// French and Spanish words run longer than English ones: every screen must still fit.
for (const lang of ['fr', 'es']) {
  describe(`at 320 px wide, in ${lang}`, () => {
    before(async () => {
      await setViewport({ width: 320, height: 900 });
      document.documentElement.lang = lang;
      await useLanguage(lang);
    });
    after(async () => {
      document.documentElement.lang = 'en';
      await useLanguage('en');
      await setViewport({ width: 800, height: 600 });
    });

    for (const [name, show] of Object.entries(SCREENS)) {
      it(`${name} fits: nothing overflows its panel`, async () => {
        const el = await show('light');
        expect(overflows(el).join('\n')).to.equal('');
      });
    }
  });
}

describe('in a 320 px column of a 1280 px page', () => {
  before(async () => {
    column = 320;
    await setViewport({ width: 1280, height: 900 });
  });
  after(async () => {
    column = null;
    await setViewport({ width: 800, height: 600 });
  });

  for (const theme of ['light', 'dark']) {
    for (const [name, show] of Object.entries(SCREENS)) {
      it(`${name} (${theme}) fits: nothing overflows its panel`, async () => {
        const el = await show(theme);
        expect(overflows(el).join('\n')).to.equal('');
      });
    }
  }
});

describe('at 1280 px wide', () => {
  before(() => setViewport({ width: 1280, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['light', 'dark']) {
    it(`the payment form's fields (${theme}) sit on one grid: none overlaps another or runs past the panel`, async () => {
      // As the demo page lays the portal out: at most 72rem wide.
      const { portal: el } = await portalWith({ signedInAs: customerMe }, { theme });
      el.style.maxWidth = '72rem';
      const summary = await waitFor(() => shadow(el).querySelector('bp-account-summary'), 'My Account');
      (await loaded(summary, '.actions button') as HTMLButtonElement).click();
      const form = await loaded(summary, 'bp-payment-form');
      await loaded(form, 'iframe');
      expect(overflows(el).join('\n')).to.equal('');
      const fields = [...shadow(form).querySelectorAll('.grid.address .field')].map((f) => ({ name: f.querySelector('label')!.textContent!, box: f.getBoundingClientRect() }));
      expect(fields.length).to.equal(6);
      for (const a of fields) {
        for (const b of fields) {
          if (a === b) continue;
          const overlap = a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1;
          expect(overlap, `${a.name} overlaps ${b.name}`).to.equal(false);
        }
        for (const input of [...shadow(form).querySelectorAll('.grid.address input, .grid.address select')]) {
          const parent = input.closest('.field')!.getBoundingClientRect();
          expect(input.getBoundingClientRect().right, `${input.id} within its column`).to.be.at.most(parent.right + 0.5);
        }
      }
      // Two columns: the left edges of the fields are the grid's two column starts.
      expect(new Set(fields.map((f) => Math.round(f.box.left))).size).to.equal(2);
    });
  }
});

/**
 * At 200% zoom. A 1280 px window zoomed to 200% lays pages out in 640 CSS px, exactly as a
 * 640 px window does (WCAG 1.4.4); each screen must still fit, and pass axe (every rule,
 * contrast included) in light and dark. Together the screens show every element of the kit:
 * the last test fails when one is added that none of them shows.
 */
describe('at 200% zoom (640 CSS px), with axe in light and dark', function () {
  // A screen set up, then axe over all of it: slower than 5 s on a busy machine.
  this.timeout(15_000);
  const seen = new Set<string>();
  before(() => setViewport({ width: 640, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['light', 'dark']) {
    for (const [name, show] of Object.entries(SCREENS)) {
      it(`${name} (${theme}) fits and passes axe`, async () => {
        const el = await show(theme);
        expect(overflows(el).join('\n')).to.equal('');
        await expect(el).to.be.accessible();
        for (const e of [el.closest('bp-provider') ?? el, el, ...everything(el)]) if (e.localName.startsWith('bp-')) seen.add(e.localName);
      });
    }
  }

  it('the screens above showed every element of the kit', async () => {
    const kit = await import('../../components/register-all.ts');
    const elements = Object.values(kit)
      .map((value) => (typeof value === 'function' ? customElements.getName(value as CustomElementConstructor) : null))
      .filter((name): name is string => Boolean(name));
    expect(elements.length).to.be.above(15);
    expect(elements.filter((name) => !seen.has(name))).to.deep.equal([]);
  });
});

/** Text alone at 200% (a browser's text-only zoom, or a larger default font) in a 1280 px window: rem sizes double, nothing may overflow. */
describe('with the text at 200% in a 1280 px window', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 900 });
    document.documentElement.style.fontSize = '200%';
  });
  after(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  for (const [name, show] of Object.entries(SCREENS)) {
    it(`${name} fits`, async () => {
      const el = await show('light');
      expect(overflows(el).join('\n')).to.equal('');
    });
  }
});
