import { msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { ReportName } from '../api/types.ts';
import { consumePortal, type PortalContext } from '../context/portal-context.ts';
import { controlStyles } from '../styles/controls.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { hostStyles, token } from '../styles/tokens.ts';
import { widgetStyles } from '../styles/widget.ts';
import { BpReport } from './report.ts';
import { REPORTS } from './report-meta.ts';
import { LocaleController } from '../i18n/localize.ts';

/**
 * @summary The guide's Reports: its six links (Usage, Subscribers, Usage Details, YTD All In
 * Spend, YTD Fixed Spend, YTD Usage), each opening its report on a screen of its own, with a
 * way back to the list.
 *
 * @csspart list - The list of reports.
 * @csspart back - The button back to the list.
 */
export class BpReports extends LitElement {
  static readonly tag = 'bp-reports';
  static readonly elements = [BpReport];
  static override properties: PropertyDeclarations = {
    accountNumber: { attribute: 'account-number' },
    report: { reflect: true },
    theme: { reflect: true },
    portal: { state: true },
  };

  static override styles = [
    hostStyles,
    controlStyles,
    linkButtonStyles,
    widgetStyles,
    css`
      :host {
        min-width: 0;
      }
      ul {
        display: grid;
        gap: ${token('space-3')};
        margin: 0 0 ${token('space-4')};
        padding: 0;
        list-style: none;
      }
      li button {
        font-size: ${token('font-size-md')};
        font-weight: ${token('font-weight-bold')};
        text-align: left;
      }
      li p {
        margin: ${token('space-1')} 0 0;
      }
      .intro,
      .hint {
        margin: 0 0 ${token('space-4')};
      }
      .back {
        margin-bottom: ${token('space-3')};
      }
    `,
  ];

  /** The account to report on; default: the portal's current account. */
  accountNumber = '';
  /** The report open now; empty: the list of reports. */
  report: ReportName | '' = '';
  /** `light` (default), `dark`, or `auto` to follow the system setting; handed on to the report it opens. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  protected portal?: PortalContext;
  private readonly portalConsumer = consumePortal(this, (portal) => (this.portal = portal));

  private get open() {
    return this.renderRoot.querySelector<BpReport>('bp-report');
  }
  private get firstLink() {
    return this.renderRoot.querySelector<HTMLElement>('ul button');
  }
  private lastOpened: ReportName | '' = '';
  private readonly i18n = new LocaleController(this);

  private show(name: ReportName | '') {
    if (name) this.lastOpened = name;
    this.report = name;
    // Put the reader on the new screen: the report's heading, or back on the link they came from.
    void this.updateComplete.then(async () => {
      if (name) await this.open?.focusHeading();
      else (this.renderRoot.querySelector<HTMLElement>(`[data-report="${this.lastOpened}"]`) ?? this.firstLink)?.focus();
    });
  }

  protected override render() {
    if (this.report) {
      return html`
        <button class="link-button back" part="back" type="button" @click=${() => this.show('')}>← ${msg('All reports')}</button>
        <bp-report report=${this.report} account-number=${this.accountNumber || nothing} theme=${this.theme}></bp-report>
      `;
    }
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">${msg('Reports')}</h2>
        <p class="intro">${msg('You can see an overview of various aspects of your account including usage details.')}</p>
        <ul part="list">
          ${REPORTS.map(
            (r) => html`<li>
              <button class="link-button" type="button" data-report=${r.name} @click=${() => this.show(r.name)}>${r.title}</button>
              <p class="muted">${r.summary}</p>
            </li>`,
          )}
        </ul>
        <p class="hint muted">${msg('Click a link to view the report.')}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-reports': BpReports;
  }
}
