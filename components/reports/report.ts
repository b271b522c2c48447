import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { send } from '../api/client.ts';
import type { ReportData, ReportName } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { report as reportResource, reportParams, type ReportQuery } from '../data/report-resources.ts';
import { formatMoney } from '../i18n/format.ts';
import { toRgb } from '../styles/computed-colors.ts';
import { fieldStyles } from '../styles/fields.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { tableBaseStyles } from '../styles/tables.ts';
import { saveDownload } from './download.ts';
import { formatCount } from './format.ts';
import { monthLabel, periodOf, presetLabel, PRESETS, type Period, type PeriodPreset } from './period.ts';
import type { ChartHandle, ChartTheme } from './report-chart.ts';
import { chartTitle, isYtd, reportMeta } from './report-meta.ts';
import { callsTable, subscribersTable, usageTable, ytdTable, type SortState } from './report-tables.ts';
import { reportStyles } from './reports.styles.ts';
import { activeLocale } from '../i18n/localize.ts';

/** Calls on a page of Usage Details. */
const CALLS_PER_PAGE = 25;

interface CallFilters {
  subscriber: string;
  category: string;
  q: string;
}

const NO_FILTERS: CallFilters = { subscriber: '', category: '', q: '' };

/**
 * @summary One of the guide's reports: a period picker (this month, last month, a quarter, the
 * year to date or a custom range of months), for a head office the choice of its sub-accounts
 * rolled up, a chart where the report has one (loaded with the chart library only when it is
 * drawn), the table of the numbers, and Download CSV with the same numbers.
 *
 * @csspart controls - The period picker, the rollup choice and Download CSV.
 * @csspart filters - Usage Details' filters.
 * @csspart chart - The chart's box.
 * @csspart table - The table of the report.
 * @csspart so-far - The note of a month not invoiced yet (YTD reports).
 * @csspart pager - Usage Details' previous / next page controls.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when the period has nothing to show.
 *
 * @cssproperty --bp-reports-chart-height - Height of the chart (default 18rem).
 * @cssproperty --bp-reports-series-1 - First data series (default color-chart-1); likewise -2 to -5.
 */
export class BpReport extends AccountDataElement<ReportData> {
  static readonly tag = 'bp-report';
  static override properties: PropertyDeclarations = {
    report: { reflect: true },
    rollup: { type: Boolean },
    period: { state: true },
    filters: { state: true },
    pages: { state: true },
    sort: { state: true },
    downloading: { state: true },
    downloadError: { state: true },
  };

  static override styles = [...AccountDataElement.styles, fieldStyles, tableBaseStyles, linkButtonStyles, reportStyles];

  /** Which report: usage, subscribers, usage-details, ytd-all-in, ytd-fixed or ytd-usage. */
  report: ReportName = 'usage';
  /** A head office with all its sub-accounts (the screen offers the choice to head offices). */
  rollup = false;

  private period: Period = periodOf('this-month');
  private filters: CallFilters = NO_FILTERS;
  /** Usage Details: the cursors of the pages after the first that were opened, in order. */
  private pages: string[] = [];
  private sort: SortState = { key: 'subscriberNumber', direction: 'ascending' };
  private downloading = false;
  private downloadError = '';
  /** Categories seen in Usage Details, for its filter. */
  private categories = new Set<string>();
  private chart: { handle: ChartHandle; canvas: HTMLCanvasElement; data: ReportData; colors: string } | null = null;
  private drawing = 0;
  private darkQuery = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  private onSchemeChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.darkQuery?.addEventListener('change', this.onSchemeChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.darkQuery?.removeEventListener('change', this.onSchemeChange);
    this.chart?.handle.destroy();
    this.chart = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report')) {
      this.period = periodOf(isYtd(this.report) ? 'year-to-date' : 'this-month');
      this.filters = NO_FILTERS;
      this.pages = [];
      this.downloadError = '';
    }
  }

  protected override get query(): string {
    return reportResource.queryKey!(this.reportQuery());
  }

  /** Puts the reader at the top of the report (when it opens from the list). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get reportTitle() {
    return reportMeta(this.report).title;
  }

  private get isHeadOffice(): boolean {
    return Boolean(this.portal?.accounts.find((a) => a.number === this.number)?.isHeadOffice || this.data?.rollup || this.rollup);
  }

  /** The report on screen; a download takes the same without the page (the whole period). */
  private reportQuery(): ReportQuery {
    const query: ReportQuery = { report: this.report, from: this.period.from, to: this.period.to, rollup: this.rollup };
    if (this.report !== 'usage-details') return query;
    return { ...query, ...this.filters, limit: CALLS_PER_PAGE, cursor: this.pages[this.pages.length - 1] };
  }

  protected async read(store: StoreReader, number: string, signal: AbortSignal): Promise<ReportData> {
    const report = await store.read(reportResource, number, this.reportQuery(), signal);
    if (report.report === 'usage-details') for (const c of report.rows) this.categories.add(c.category);
    return report;
  }

  private choosePeriod(preset: PeriodPreset, custom?: { from: string; to: string }) {
    this.period = periodOf(preset, new Date(), custom ?? { from: this.period.from, to: this.period.to });
    this.pages = [];
  }

  private async download() {
    const client = this.portal?.client;
    if (!client) return;
    this.downloading = true;
    this.downloadError = '';
    try {
      const { report, ...onScreen } = this.reportQuery();
      const query = { ...reportParams({ ...onScreen, limit: undefined, cursor: undefined }), format: 'csv' as const };
      const response = await send(client.api.v1.accounts[':number'].reports[':report'].$get({ param: { number: this.number, report }, query }));
      await saveDownload(this.renderRoot as ShadowRoot, response, `${this.number}-${this.report}.csv`);
    } catch (err) {
      this.downloadError = `${msg('The CSV could not be downloaded.')} ${(err as Error).message}`;
    } finally {
      this.downloading = false;
    }
  }

  private sortBy(key: string) {
    this.sort = { key, direction: this.sort.key === key && this.sort.direction === 'ascending' ? 'descending' : 'ascending' };
  }

  private applyFilters(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.filters = { subscriber: String(form.get('subscriber') ?? '').trim(), category: String(form.get('category') ?? ''), q: String(form.get('q') ?? '').replace(/[^\d+]/g, '') };
    this.pages = [];
  }

  // ---- the chart, drawn after each render that shows one -------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.drawChart();
  }

  /** The theme's colours where the chart sits (its tokens, or a host page's knobs). */
  private chartTheme(box: Element, currency: string): ChartTheme & { key: string } {
    const style = getComputedStyle(box);
    const read = (name: string) => style.getPropertyValue(name).trim();
    // The canvas gets plain rgb(): the tokens may be derivations (color-mix) it cannot read.
    const color = (name: string) => toRgb(read(name));
    const series = [1, 2, 3, 4, 5].map((i) => color(`--series-${i}`));
    const text = color('--chart-text');
    const grid = color('--chart-grid');
    const money = this.report !== 'usage';
    return {
      series,
      text,
      grid,
      font: read('--chart-font') || 'system-ui, sans-serif',
      format: (v) => (money ? formatMoney(v, currency) : formatCount(v)),
      // A new language draws the chart again (its labels and numbers are in it).
      key: [...series, text, grid, activeLocale()].join(' '),
    };
  }

  private async drawChart() {
    const generation = ++this.drawing;
    const canvas = this.renderRoot.querySelector('canvas');
    const data = this.value;
    if (!canvas || !data) {
      if (!canvas && this.chart) {
        this.chart.handle.destroy();
        this.chart = null;
      }
      return;
    }
    const theme = this.chartTheme(canvas.parentElement!, data.currency);
    if (this.chart && this.chart.canvas === canvas && this.chart.data === data && this.chart.colors === theme.key) return;
    if (chartTitle(data, this.reportTitle) === null) return;
    // The chart library comes in its own chunk, fetched the first time a chart is drawn.
    const { drawChart, chartSpec } = await import('./report-chart.ts');
    if (generation !== this.drawing || !canvas.isConnected) return;
    const spec = chartSpec(data, this.reportTitle)!;
    if (this.chart && this.chart.canvas === canvas) this.chart.handle.update(spec, theme);
    else {
      this.chart?.handle.destroy();
      this.chart = { handle: drawChart(canvas, spec, theme), canvas, data, colors: theme.key };
    }
    this.chart.data = data;
    this.chart.colors = theme.key;
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderControls() {
    const { preset, from, to } = this.period;
    return html`
      <div class="controls" part="controls">
        <div class="field">
          <label for="period">${msg('Period')}</label>
          <select id="period" .value=${preset} @change=${(e: Event) => this.choosePeriod((e.target as HTMLSelectElement).value as PeriodPreset)}>
            ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === preset}>${presetLabel(p)}</option>`)}
          </select>
        </div>
        ${preset === 'custom'
          ? html`
              <div class="field">
                <label for="from">${msg('From month')}</label>
                <input id="from" type="month" .value=${from} max=${to} @change=${(e: Event) => this.customMonth('from', (e.target as HTMLInputElement).value)} />
              </div>
              <div class="field">
                <label for="to">${msg('To month')}</label>
                <input id="to" type="month" .value=${to} min=${from} @change=${(e: Event) => this.customMonth('to', (e.target as HTMLInputElement).value)} />
              </div>
            `
          : nothing}
        ${this.isHeadOffice
          ? html`<label class="check"><input type="checkbox" .checked=${this.rollup} @change=${(e: Event) => this.setRollup((e.target as HTMLInputElement).checked)} />${msg('With all sub-accounts')}</label>`
          : nothing}
        <span class="spacer"></span>
        <button class="button secondary" type="button" ?disabled=${this.downloading || !this.portal?.client} @click=${() => void this.download()}>
          ${this.downloading ? msg('Downloading…') : msg('Download CSV')}
        </button>
      </div>
    `;
  }

  private customMonth(which: 'from' | 'to', value: string) {
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    const next = { from: this.period.from, to: this.period.to, [which]: value };
    if (next.from > next.to) next[which === 'from' ? 'to' : 'from'] = value;
    this.choosePeriod('custom', next);
  }

  private setRollup(rollup: boolean) {
    this.rollup = rollup;
    this.pages = [];
  }

  private renderFilters() {
    if (this.report !== 'usage-details') return nothing;
    const categories = [...new Set([...this.categories, ...(this.filters.category ? [this.filters.category] : [])])].sort();
    return html`
      <form class="filters" part="filters" @submit=${this.applyFilters}>
        <div class="field">
          <label for="subscriber">${msg('Subscriber #')}</label>
          <input id="subscriber" name="subscriber" .value=${this.filters.subscriber} autocomplete="off" />
        </div>
        <div class="field">
          <label for="category">${msg('Category')}</label>
          <select id="category" name="category" .value=${this.filters.category}>
            <option value="">${msg('All categories')}</option>
            ${categories.map((c) => html`<option value=${c} ?selected=${c === this.filters.category}>${c}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="q">${msg('Number contains')}</label>
          <input id="q" name="q" inputmode="tel" .value=${this.filters.q} autocomplete="off" />
        </div>
        <button class="button secondary" type="submit">${msg('Apply filters')}</button>
        ${this.filters !== NO_FILTERS
          ? html`<button class="link-button" type="button" @click=${() => ((this.filters = NO_FILTERS), (this.pages = []))}>${msg('Clear filters')}</button>`
          : nothing}
      </form>
    `;
  }

  private renderReport(r: ReportData) {
    const title = reportMeta(this.report).chart ? chartTitle(r, this.reportTitle) : null;
    const chart = title
      ? html`<div class="chart" part="chart"><canvas role="img" aria-label=${msg(str`${title}. The table below has the same numbers.`)}></canvas></div>`
      : nothing;
    switch (r.report) {
      case 'usage':
        return html`${chart}${usageTable(r)}`;
      case 'subscribers':
        return html`${subscribersTable(r, this.sort, (key) => this.sortBy(key))}
          ${r.uninvoicedMonths.length ? html`<p class="muted summary-line">${msg(str`Usage charges are those of invoiced months; ${r.uninvoicedMonths.map((m) => monthLabel(m, true)).join(', ')} is not invoiced yet.`)}</p>` : nothing}`;
      case 'usage-details':
        return html`
          ${r.totals
            ? html`<p class="summary-line" role="status">${msg(str`${formatCount(r.totals.calls)} calls, ${formatCount(r.totals.minutes)} billed minutes, ${formatMoney(r.totals.charge, r.currency)} invoiced.`)} ${r.timeZone === 'UTC' ? msg('Times are UTC.') : msg(str`Times are in ${r.timeZone.replace(/_/g, ' ')} time.`)}</p>`
            : nothing}
          ${callsTable(r)}
          ${this.pages.length || r.nextCursor
            ? html`<nav class="pager" part="pager" aria-label=${msg('Call record pages')}>
                <button class="button secondary" type="button" ?disabled=${this.pages.length === 0} @click=${() => (this.pages = this.pages.slice(0, -1))}>${msg('Previous')}</button>
                <span>${msg(str`Page ${this.pages.length + 1}`)}</span>
                <button class="button secondary" type="button" ?disabled=${!r.nextCursor} @click=${() => r.nextCursor && (this.pages = [...this.pages, r.nextCursor])}>${msg('Next')}</button>
              </nav>`
            : nothing}
        `;
      default:
        return html`${chart}${ytdTable(r, this.reportTitle)}`;
    }
  }

  private emptyText() {
    const period = this.period.from === this.period.to ? monthLabel(this.period.from, true) : msg(str`${monthLabel(this.period.from, true)} to ${monthLabel(this.period.to, true)}`);
    if (this.report === 'usage-details' && this.filters !== NO_FILTERS) return msg(str`No calls in ${period} match these filters.`);
    return msg(str`Nothing to show for ${period}: there are no invoices or calls in it yet.`);
  }

  protected override render() {
    const meta = reportMeta(this.report);
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading" tabindex="-1">${meta.title}</h2>
        <p class="intro muted">${meta.summary}</p>
        ${this.renderControls()} ${this.renderFilters()}
        ${this.downloadError ? html`<p class="alert download-error" role="alert">${this.downloadError}</p>` : nothing}
        ${this.renderData({
          loading: msg(str`Loading ${meta.title}…`),
          isEmpty: (r) => r.rows.length === 0 && !('soFar' in r && r.soFar.length > 0),
          empty: this.emptyText(),
          complete: (r) => this.renderReport(r),
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-report': BpReport;
  }
}
