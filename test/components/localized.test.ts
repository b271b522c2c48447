import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { useLanguage } from '../../components/i18n/localize.ts';
import { chartSpec } from '../../components/reports/chart-spec.ts';
import { renderInvoiceLines } from '../../components/invoice-list/invoice-lines.ts';
import * as accounts from '../../stories/fixtures/accounts.ts';
import * as brands from '../../stories/fixtures/brands.ts';
import * as invoices from '../../stories/fixtures/invoices.ts';
import * as payments from '../../stories/fixtures/payments.ts';
import * as reports from '../../stories/fixtures/reports.ts';
import * as summaries from '../../stories/fixtures/summaries.ts';
import * as tickets from '../../stories/fixtures/tickets.ts';
import './helpers.ts';

/**
 * Every story of every element, rendered in the pseudo-locale en-XA, where each localized string
 * is marked ⟦…⟧ (kit/pseudo-locale.mjs). Any visible text, accessible name, placeholder,
 * title or stacked-table label left without marks must be data: words that came from the API (or
 * a fixture handed in as `data`), numbers, money and dates. Anything else is a string that does
 * not go through msg() (or was added without `npm run i18n:extract`).
 */

const STORIES = {
  'account-info': () => import('../../stories/account-info.stories.ts'),
  'account-search': () => import('../../stories/account-search.stories.ts'),
  'account-summary': () => import('../../stories/account-summary.stories.ts'),
  'invoice-list': () => import('../../stories/invoice-list.stories.ts'),
  login: () => import('../../stories/login.stories.ts'),
  'payment-form': () => import('../../stories/payment-form.stories.ts'),
  'payment-history': () => import('../../stories/payment-history.stories.ts'),
  portal: () => import('../../stories/portal.stories.ts'),
  provider: () => import('../../stories/provider.stories.ts'),
  'reports-menu': () => import('../../stories/reports-menu.stories.ts'),
  reports: () => import('../../stories/reports.stories.ts'),
  services: () => import('../../stories/services.stories.ts'),
  'sub-accounts': () => import('../../stories/sub-accounts.stories.ts'),
  'ticket-form': () => import('../../stories/ticket-form.stories.ts'),
  'ticket-queue': () => import('../../stories/ticket-queue.stories.ts'),
  'ticket-thread': () => import('../../stories/ticket-thread.stories.ts'),
  tickets: () => import('../../stories/tickets.stories.ts'),
  'usage-meter': () => import('../../stories/usage-meter.stories.ts'),
} as const;

// ---- what counts as data ---------------------------------------------------------------------

const WORD = /\p{L}+/gu;
const dataWords = new Set<string>();
const addWords = (text: string) => {
  for (const w of text.match(WORD) ?? []) dataWords.add(w);
};
/** Every string in a value (fixtures, API replies). */
function collect(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value === 'string') return addWords(value);
  if (typeof value === 'function' || value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const v of Object.values(value)) collect(v, seen);
}
// What the fake API answers with is data: every reply's JSON is noted as the element reads it.
const json = Response.prototype.json;
Response.prototype.json = async function (this: Response) {
  const body: unknown = await json.call(this);
  collect(body);
  return body;
};
for (const module of [accounts, brands, invoices, payments, reports, summaries, tickets]) {
  for (const value of Object.values(module)) {
    try {
      collect(typeof value === 'function' && value.length <= 1 ? (value as (n?: string) => unknown)('C123456') : value);
    } catch {
      // A fixture builder that wants other arguments: its output is noted when the fake API sends it.
    }
  }
}
// Dates and money written by Intl are data too: month and day names, AM/PM, currency letters.
for (const month of Array.from({ length: 24 }, (_, m) => new Date(Date.UTC(2026, m % 12, 1, m < 12 ? 3 : 15)))) {
  for (const options of [{ month: 'short' }, { month: 'long' }, { weekday: 'long' }, { hour: 'numeric' }] as Intl.DateTimeFormatOptions[]) {
    addWords(new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(month));
  }
}
for (const currency of ['USD', 'CAD']) addWords(new Intl.NumberFormat('en', { style: 'currency', currency }).format(1));

/** Strips the marked (localized) parts, innermost first: what is left must be data. */
function unmarked(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
}

/** Words of `text` that are neither marked nor data. */
const strays = (text: string) => (unmarked(text).match(WORD) ?? []).filter((w) => !dataWords.has(w));

// ---- what a person (or a screen reader) gets -------------------------------------------------

const ATTRIBUTES = ['aria-label', 'aria-valuetext', 'aria-description', 'placeholder', 'title', 'alt', 'data-label'];

/** Every text and accessible attribute in the shadow-including tree, with where it is. */
function texts(root: Node, found: { where: string; text: string }[] = []) {
  const walk = (node: Node, path: string) => {
    if (node instanceof Element) {
      if (node.getAttribute('translate') === 'no' || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
      const here = `${path} > ${node.localName}${node.id ? `#${node.id}` : ''}`;
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value) found.push({ where: `${here}[${name}]`, text: value });
      }
      if (node.shadowRoot) walk(node.shadowRoot, `${here}::shadow`);
      for (const child of node.childNodes) walk(child, here);
    } else if (node instanceof ShadowRoot || node instanceof DocumentFragment) {
      for (const child of node.childNodes) walk(child, path);
    } else if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) {
      found.push({ where: path, text: node.textContent! });
    }
  };
  walk(root, '');
  return found;
}

function unlocalized(root: Node) {
  return texts(root)
    .map((t) => ({ ...t, strays: strays(t.text) }))
    .filter((t) => t.strays.length)
    .map((t) => `${t.strays.join(' ')}  in “${t.text.trim().slice(0, 80)}” at ${t.where.slice(-120)}`);
}

/** Waits until what the tree shows stops changing (the fake API answers at once; a hanging one never does). */
async function settled(root: Element) {
  let last = '';
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 60));
    const now = texts(root).map((t) => t.text).join('|');
    if (now === last && !now.includes('…⟧') ) return;
    if (now === last && i > 8) return;
    last = now;
  }
}

interface StoryModule {
  default: { render?: (args: never, context: never) => TemplateResult; args?: object; component?: string };
  [name: string]: unknown;
}

function storiesOf(module: StoryModule) {
  const meta = module.default;
  return Object.entries(module)
    .filter(([name, story]) => name !== 'default' && story && typeof story === 'object')
    .map(([name, story]) => {
      const s = story as { render?: typeof meta.render; args?: object };
      const renderStory = s.render ?? meta.render;
      const args = { ...meta.args, ...s.args };
      return { name, template: renderStory ? renderStory(args as never, { args, globals: {}, component: meta.component } as never) : undefined };
    })
    .filter((s): s is { name: string; template: TemplateResult } => Boolean(s.template));
}

describe('every string of every element is localized (pseudo-locale en-XA)', () => {
  before(async () => {
    document.documentElement.lang = 'en-XA';
    await useLanguage('en-XA');
  });
  after(() => {
    document.documentElement.lang = 'en';
  });

  for (const [file, load] of Object.entries(STORIES)) {
    it(`stories/${file}.stories.ts: no text without marks but data`, async function () {
      this.timeout(20_000);
      const stories = storiesOf((await load()) as StoryModule);
      expect(stories.length).to.be.greaterThan(0);
      const problems: string[] = [];
      for (const story of stories) {
        const host = await fixture<HTMLElement>(html`<div></div>`);
        render(story.template, host);
        await settled(host);
        problems.push(...unlocalized(host).map((p) => `${story.name}: ${p}`));
        render(html``, host);
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('an opened invoice’s lines, and the charts’ titles and legends', async () => {
    const detail = invoices.invoicesOf('C123456').invoices.find((i) => i.payments.length && i.lines.some((l) => l.kind === 'tax'))!;
    collect(detail);
    const host = await fixture<HTMLElement>(html`<div>${renderInvoiceLines(detail, () => undefined)}</div>`);
    expect(unlocalized(host)).to.deep.equal([]);
    for (const name of ['usage', 'ytd-all-in', 'ytd-usage'] as const) {
      const report = reports.fakeReport('C123456', name, { from: `${reports.currentMonth().slice(0, 4)}-01`, to: reports.currentMonth() } as never);
      collect(report);
      const spec = chartSpec(report as never, 'Title')!;
      const legend = spec.series.map((s) => s.label).concat(spec.title);
      expect(legend.flatMap((label) => strays(label)), `${name}: ${legend.join(', ')}`).to.deep.equal([]);
    }
  });

  it('fails on text that is not localized (the check itself)', async () => {
    const host = await fixture<HTMLElement>(html`<div><p>⟦Ínvóíçés···⟧ Statement</p><button aria-label="Close dialog">⟦×⟧</button></div>`);
    expect(unlocalized(host)).to.have.length(2);
  });
});
