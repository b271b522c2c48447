import { css } from 'lit';
import { token } from './tokens.ts';

/**
 * What every data widget shares: a block host and a panel heading. The host is a size
 * container: a widget lays itself out for the width it is given (a phone, or one column of a
 * reseller's page), not for the width of the window.
 */
export const widgetStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 ${token('space-4')};
    font-size: ${token('font-size-lg')};
  }
`;

/** Label / value pairs as the guide lays them out (Account #, Account Name, …). */
export const definitionListStyles = css`
  dl {
    display: grid;
    grid-template-columns: var(--bp-account-info-label-width, 12rem) 1fr;
    margin: 0;
  }
  dt,
  dd {
    margin: 0;
    padding: ${token('space-2')} 0;
    border-bottom: 1px solid ${token('color-border')};
  }
  dt {
    color: ${token('color-text-muted')};
    font-weight: ${token('font-weight-bold')};
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dt {
      border-bottom: 0;
      padding-bottom: 0;
    }
  }
`;
