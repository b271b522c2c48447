import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { BpAccountSummary } from '../../components/account-summary/account-summary.ts';
import { tokenColor } from '../../components/styles/computed-colors.ts';
import { brandStyle, THEME_BRANDS, type ThemeBrandId } from '../../demo/brands.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi } from '../../stories/fixtures/fake-api.ts';
import { invoicePage } from '../../stories/fixtures/invoices.ts';
import { summaryOf } from '../../stories/fixtures/summaries.ts';
import { contrastRatio, expectAccessibleInBothThemes, shadow, waitFor } from './helpers.ts';

/** A wrapper carrying `style` (a reseller's page setting tokens on an ancestor) around My Account and the invoice list. */
async function widgetsIn(style: Record<string, string>, theme = 'light') {
  const api = createFakeApi({ signedInAs: customerMe });
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <bp-provider .fetcher=${api.fetch}>
      <bp-account-summary .data=${summaryOf('C123456')} theme=${theme}></bp-account-summary>
      <bp-invoice-list .data=${invoicePage('C123456')} theme=${theme}></bp-invoice-list>
    </bp-provider>
  </div>`);
  for (const [name, value] of Object.entries(style)) wrapper.style.setProperty(name, value);
  const summary = wrapper.querySelector('bp-account-summary') as BpAccountSummary;
  await summary.updateComplete;
  const root = shadow(summary);
  return {
    wrapper,
    summary,
    payButton: await waitFor(() => root.querySelector<HTMLButtonElement>('.actions .button'), 'Make a payment'),
    panel: root.querySelector<HTMLElement>('.panel')!,
  };
}

const css = (el: Element) => getComputedStyle(el);

afterEach(() => emulateMedia({ colorScheme: 'light' }));

describe('theming with the global tokens', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  it('a reseller sets brand, surface, text, font, radius and density on an ancestor, and everything follows', async () => {
    const { summary, payButton, panel } = await widgetsIn(brandStyle('acme'));
    expect(css(payButton).backgroundColor).to.equal('rgb(179, 54, 27)', 'the brand colour');
    expect(css(panel).backgroundColor).to.equal('rgb(255, 250, 245)', 'the surface');
    expect(css(panel).color).to.equal('rgb(42, 26, 18)', 'the text');
    expect(css(panel).fontFamily).to.contain('Trebuchet MS');
    expect(css(panel).borderTopLeftRadius).to.equal('20px', 'panels: twice the radius');
    expect(css(payButton).borderTopLeftRadius).to.equal('10px', 'controls: the radius');
    expect(css(payButton).minHeight).to.equal('44px', 'control height 2.5rem × density 1.1');
    expect(css(panel).paddingTop).to.equal('26.4px', 'spaces × density 1.1');
    // Derived: the hover shade darker than the brand, the text on it readable, borders from text and surface.
    expect(contrastRatio(tokenColor(summary, 'color-primary-hover'), 'rgb(255, 250, 245)')).to.be.above(contrastRatio('rgb(179, 54, 27)', 'rgb(255, 250, 245)'));
    expect(contrastRatio(css(payButton).color, css(payButton).backgroundColor)).to.be.at.least(4.5);
    expect(tokenColor(summary, 'color-border')).to.not.equal(tokenColor(shadow(summary).querySelector('bp-usage-meter')!, 'color-text'));
    expect(contrastRatio(tokenColor(summary, 'color-border-strong'), css(panel).backgroundColor)).to.be.at.least(3, 'field edges 3:1');
  });

  it('the documented tokens a page set before still win over the derivations', async () => {
    const { payButton, panel } = await widgetsIn({ '--bp-brand': '#b3361b', '--bp-color-primary': '#2e7d32', '--bp-color-surface-raised': '#fafafa', '--bp-radius-md': '0px' });
    expect(css(payButton).backgroundColor).to.equal('rgb(46, 125, 50)');
    expect(css(panel).backgroundColor).to.equal('rgb(250, 250, 250)');
    expect(css(panel).borderTopLeftRadius).to.equal('0px');
    // A dark value by its --bp-dark-* twin, set above the elements, as the README says.
    const dark = await widgetsIn({ '--bp-dark-color-surface-raised': '#101010', '--bp-dark-surface': '#202020' }, 'dark');
    expect(css(dark.panel).backgroundColor).to.equal('rgb(16, 16, 16)');
  });

  it('theme="auto" follows the system setting, and switches when it changes', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const { panel, payButton } = await widgetsIn({}, 'auto');
    expect(css(panel).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(css(panel).backgroundColor).to.equal('rgb(34, 40, 49)', 'the dark surface');
    expect(css(panel).color).to.equal('rgb(232, 236, 241)');
    expect(contrastRatio(css(payButton).backgroundColor, css(panel).backgroundColor)).to.be.at.least(4.5, 'the brand lightened for dark');
    await emulateMedia({ colorScheme: 'light' });
    expect(css(panel).backgroundColor).to.equal('rgb(255, 255, 255)');
    const light = await widgetsIn({}, 'light');
    await emulateMedia({ colorScheme: 'dark' });
    expect(css(light.panel).backgroundColor).to.equal('rgb(255, 255, 255)', 'theme="light" stays light');
    const dark = await widgetsIn({}, 'dark');
    await emulateMedia({ colorScheme: 'light' });
    expect(css(dark.panel).backgroundColor).to.equal('rgb(34, 40, 49)', 'theme="dark" stays dark');
  });

  it('in the dark theme one brand colour is lightened until it reads; --bp-dark-brand chooses it instead', async () => {
    const { payButton, panel } = await widgetsIn(brandStyle('acme'), 'dark');
    expect(css(payButton).backgroundColor).to.not.equal('rgb(179, 54, 27)');
    expect(contrastRatio(css(payButton).backgroundColor, css(panel).backgroundColor)).to.be.at.least(4.5);
    expect(contrastRatio(css(payButton).color, css(payButton).backgroundColor)).to.be.at.least(4.5);
    const chosen = await widgetsIn({ ...brandStyle('acme'), '--bp-dark-brand': '#ffb199' }, 'dark');
    expect(css(chosen.payButton).backgroundColor).to.equal('rgb(255, 177, 153)');
  });

  for (const id of Object.keys(THEME_BRANDS) as ThemeBrandId[]) {
    it(`${THEME_BRANDS[id].name}: My Account and the invoices pass axe (contrast included) in light and dark`, async () => {
      const { wrapper } = await widgetsIn(brandStyle(id));
      for (const el of wrapper.querySelector('bp-provider')!.children) await expectAccessibleInBothThemes(el);
    });
  }

  it('the card frame gets the brand: the form hands it the derived colours as rgb(), its font and radius', async () => {
    const api = createFakeApi({ signedInAs: customerMe });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-payment-form .data=${summaryOf('C123456')}></bp-payment-form></bp-provider>`);
    for (const [name, value] of Object.entries(brandStyle('acme'))) (provider as HTMLElement).style.setProperty(name, value);
    const form = provider.firstElementChild as HTMLElement & { requestUpdate(): void; updateComplete: Promise<unknown> };
    form.requestUpdate();
    const frame = await waitFor(() => shadow(form).querySelector('iframe[src*="Trebuchet"]'), 'the frame with the brand');
    const look = new URL(frame.getAttribute('src')!, location.href).searchParams;
    expect(look.get('field-bg')).to.equal('rgb(255, 250, 245)');
    expect(look.get('focus')).to.equal('rgb(179, 54, 27)');
    expect(look.get('radius')).to.equal('10px');
    for (const name of ['text', 'muted', 'field-bg', 'field-text', 'border', 'danger', 'focus']) expect(look.get(name), name).to.match(/^rgba?\([\d, .]+\)$/);
  });
});
