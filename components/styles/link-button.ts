import { css } from 'lit';
import { token } from './tokens.ts';

/** A button that reads as a link (Forgot your password?, a row's opener in a table). */
export const linkButtonStyles = css`
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: ${token('color-primary')};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
