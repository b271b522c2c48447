import { css, html } from 'lit';
import { PortalHost } from '../base/portal-host.ts';
import { hostStyles } from '../styles/tokens.ts';

/**
 * @summary The API client and session, for host pages that place single widgets themselves.
 * Renders its children unchanged; widgets inside it find the client through context.
 *
 * @slot - The widgets.
 * @fires bp-logout - The session ended.
 * @fires bp-account-change - The current account changed.
 */
export class BpProvider extends PortalHost {
  static readonly tag = 'bp-provider';
  static override styles = [
    hostStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-provider': BpProvider;
  }
}
