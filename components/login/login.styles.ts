import { css } from 'lit';
import { token } from '../styles/tokens.ts';

export const loginStyles = css`
  :host {
    display: block;
    max-width: 26rem;
    /* Its own surface: placed alone on a light page in the dark theme, its text stayed light on white. */
    background: ${token('color-surface-raised')};
  }
  form {
    display: grid;
    gap: ${token('space-4')};
  }
  h2 {
    margin: 0;
    font-size: ${token('font-size-lg')};
  }
  .intro {
    margin: 0;
    color: ${token('color-text-muted')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-3')};
  }
`;
