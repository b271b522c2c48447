import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { cssomStyle } from '../styles/cssom-style.ts';
import type { UsageMeterData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { summary } from '../data/resources.ts';
import { token } from '../styles/tokens.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';

const minutes = (n: number) => formatNumber(n);

/** The last day of a `YYYY-MM` month, as the guide writes dates. */
const monthEnd = (period: string) => {
  const [year, month] = period.split('-').map(Number);
  return formatDate(new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10));
};

/**
 * @summary The guide's Current Usage: per voice plan, "VoIP Services - 001835 - CAN/US/PR/MEX/UK
 * 4997 min / 10000 included" with a bar; beyond the guide, where the month will end at its pace
 * so far, in a warning colour when that is past the included minutes.
 *
 * @csspart meter - The bar of one plan (role="meter").
 * @csspart projection - The sentence about the month's end.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message for an account without a voice plan.
 *
 * @cssproperty --bp-usage-meter-height - Height of the bar (default 0.75rem).
 * @cssproperty --bp-usage-meter-fill - Colour of the used part (default color-primary).
 * @cssproperty --bp-usage-meter-warning - Colour when the month will end over the included minutes (default color-warning).
 */
export class BpUsageMeter extends AccountDataElement<UsageMeterData[]> {
  static readonly tag = 'bp-usage-meter';
  static override styles = [
    ...AccountDataElement.styles,
    css`
      ul {
        display: grid;
        gap: ${token('space-6')};
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .label {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: ${token('space-2')};
        margin-bottom: ${token('space-2')};
      }
      .figures {
        font-weight: ${token('font-weight-bold')};
        font-variant-numeric: tabular-nums;
      }
      .bar {
        position: relative;
        height: var(--bp-usage-meter-height, 0.75rem);
        border: 1px solid ${token('color-border')};
        border-radius: 999px;
        background: ${token('color-surface')};
        overflow: hidden;
      }
      .used {
        height: 100%;
        background: var(--bp-usage-meter-fill, ${token('color-primary')});
      }
      .projected {
        position: absolute;
        top: 0;
        bottom: 0;
        border-left: 2px dashed ${token('color-text-muted')};
      }
      .over .used {
        background: var(--bp-usage-meter-warning, ${token('color-warning')});
      }
      .projection {
        margin: ${token('space-2')} 0 0;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-sm')};
      }
      .over .projection {
        color: ${token('color-warning')};
        font-weight: ${token('font-weight-bold')};
      }
    `,
  ];

  protected async read(store: StoreReader, number: string, signal: AbortSignal) {
    return (await store.read(summary, number, undefined, signal)).usage;
  }

  private renderMeter(m: UsageMeterData, index: number) {
    const label = msg(str`VoIP Services - ${m.subscribers.join(', ')} - ${m.category}`);
    const over = m.projectedMinutes > m.includedMinutes;
    const share = (n: number) => `${Math.min(100, (n / Math.max(1, m.includedMinutes)) * 100).toFixed(1)}%`;
    const excess = m.projectedMinutes - m.includedMinutes;
    return html`
      <li class=${over ? 'over' : ''}>
        <div class="label">
          <span id="label-${index}">${label}</span>
          <span class="figures">${msg(str`${minutes(m.usedMinutes)} min / ${minutes(m.includedMinutes)} included`)}</span>
        </div>
        <div
          class="bar"
          part="meter"
          role="meter"
          aria-labelledby="label-${index}"
          aria-valuemin="0"
          aria-valuemax=${m.includedMinutes}
          aria-valuenow=${Math.min(m.usedMinutes, m.includedMinutes)}
          aria-valuetext=${msg(str`${minutes(m.usedMinutes)} of ${minutes(m.includedMinutes)} minutes used`)}
        >
          <div class="used" style=${cssomStyle({ width: share(m.usedMinutes) })}></div>
          ${m.projectedMinutes > m.usedMinutes ? html`<div class="projected" style=${cssomStyle({ left: share(m.projectedMinutes) })} aria-hidden="true"></div>` : nothing}
        </div>
        <p class="projection" part="projection">
          ${over
            ? msg(str`At this pace the month ends near ${minutes(m.projectedMinutes)} min on ${monthEnd(m.period)}: about ${minutes(excess)} min over the included minutes, billed as overage.`)
            : msg(str`At this pace the month ends near ${minutes(m.projectedMinutes)} min on ${monthEnd(m.period)}, within the included minutes.`)}
        </p>
      </li>
    `;
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="usage-heading">
        <h2 id="usage-heading">${msg('Current Usage')}</h2>
        ${this.renderData({
          loading: msg('Loading current usage…'),
          isEmpty: (meters) => meters.length === 0,
          empty: msg('No plan with included minutes on this account.'),
          complete: (meters) => html`<ul>${meters.map((m, i) => this.renderMeter(m, i))}</ul>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-usage-meter': BpUsageMeter;
  }
}
