import { css } from 'lit';
import { token } from './tokens.ts';

/** A labelled input or select (`.field`), with its hint and its error. */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: ${token('space-1')};
    min-width: 0;
  }
  .field label {
    font-weight: ${token('font-weight-bold')};
  }
  .field input,
  .field select {
    width: 100%;
    min-width: 0;
    min-height: ${token('control-height')};
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-border-strong')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    font: inherit;
  }
  .field input[aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .field .hint {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  .field .field-error {
    color: ${token('color-danger')};
    font-size: ${token('font-size-sm')};
  }
`;
