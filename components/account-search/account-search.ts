import { Task } from '@lit/task';
import { msg } from '@lit/localize';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { call } from '../api/client.ts';
import type { AccountSummary } from '../api/types.ts';
import { renderStates, stateStyles } from '../base/task-states.ts';
import { consumePortal, type PortalContext } from '../context/portal-context.ts';
import { controlStyles } from '../styles/controls.ts';
import { fieldStyles } from '../styles/fields.ts';
import { hostStyles, token } from '../styles/tokens.ts';
import { LocaleController } from '../i18n/localize.ts';

/**
 * @summary Account lookup for provider staff: search by account number or name, open one.
 *
 * @csspart results - The list of matching accounts.
 */
export class BpAccountSearch extends LitElement {
  static readonly tag = 'bp-account-search';
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    portal: { state: true },
    query: { state: true },
  };

  static override styles = [
    hostStyles,
    controlStyles,
    fieldStyles,
    stateStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 ${token('space-4')};
        font-size: ${token('font-size-lg')};
      }
      form {
        display: flex;
        gap: ${token('space-2')};
        align-items: end;
        margin-bottom: ${token('space-4')};
      }
      form .field {
        flex: 1;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        border-top: 1px solid ${token('color-border')};
      }
      li button {
        display: flex;
        width: 100%;
        gap: ${token('space-3')};
        padding: ${token('space-3')} ${token('space-2')};
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        text-align: left;
        cursor: pointer;
      }
      li button:hover {
        background: ${token('color-surface')};
      }
      .number {
        min-width: 6rem;
        font-weight: ${token('font-weight-bold')};
        color: ${token('color-primary')};
      }
    `,
  ];

  /** `light` (default), `dark`, or `auto` to follow the system setting. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  private portal?: PortalContext;
  private readonly portalConsumer = consumePortal(this, (portal) => (this.portal = portal));

  private query = '';
  private readonly i18n = new LocaleController(this);

  private search = new Task(this, {
    task: async ([client, q], { signal }) => {
      if (!client || q === undefined) return undefined;
      const reply = await call(client.api.v1.accounts.$get({ query: { q, limit: '25' } }, { init: { signal } }));
      return reply.accounts;
    },
    args: () => [this.portal?.client, this.query] as const,
    autoRun: false,
  });

  private submit(event: SubmitEvent) {
    event.preventDefault();
    this.query = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    void this.search.run();
  }

  private open(account: AccountSummary) {
    this.portal?.selectAccount(account.number, account);
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">${msg('Find a customer account')}</h2>
        <form role="search" @submit=${this.submit}>
          <div class="field">
            <label for="q">${msg('Account number or name')}</label>
            <input id="q" name="q" type="search" autocomplete="off" placeholder=${msg('C123456 or Bayview')} />
          </div>
          <button class="button" type="submit">${msg('Search')}</button>
        </form>
        ${renderStates(this.search, undefined, {
          loading: msg('Searching…'),
          isEmpty: (list) => list.length === 0,
          empty: msg('No account matches that search.'),
          complete: (list) => html`
            <ul part="results" aria-label=${msg('Matching accounts')}>
              ${list.map(
                (a) => html`<li>
                  <button type="button" @click=${() => this.open(a)}>
                    <span class="number">${a.number}</span><span>${a.name}</span>
                  </button>
                </li>`,
              )}
            </ul>
          `,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-account-search': BpAccountSearch;
  }
}
