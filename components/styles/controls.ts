import { css } from 'lit';
import { token } from './tokens.ts';

/** Buttons, fields, alerts, tables and panels as every element of the kit draws them. */
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('space-2')};
    min-height: 2.5rem;
    padding: ${token('space-2')} ${token('space-4')};
    border: 1px solid ${token('color-primary')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font: inherit;
    font-weight: ${token('font-weight-bold')};
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: ${token('color-primary-hover')};
    border-color: ${token('color-primary-hover')};
  }
  .button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .button.secondary {
    background: transparent;
    color: ${token('color-primary')};
  }
  .button.secondary:hover:not(:disabled) {
    background: ${token('color-surface')};
    color: ${token('color-primary-hover')};
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: ${token('color-primary')};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .field {
    display: grid;
    gap: ${token('space-1')};
  }
  .field label {
    font-weight: ${token('font-weight-bold')};
  }
  .field input,
  .field select {
    min-height: 2.5rem;
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-border')};
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
  .alert {
    padding: ${token('space-3')} ${token('space-4')};
    border-radius: ${token('radius-sm')};
    border-left: 4px solid ${token('color-danger')};
    background: ${token('color-danger-surface')};
    color: ${token('color-text')};
  }
  .alert.info {
    border-left-color: ${token('color-primary')};
    background: ${token('color-surface')};
  }
  .alert:empty {
    display: none;
  }
  .panel {
    padding: ${token('space-6')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    background: ${token('color-surface-raised')};
  }
  .muted {
    color: ${token('color-text-muted')};
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: ${token('space-2')} ${token('space-3')};
    border-bottom: 1px solid ${token('color-border')};
    text-align: left;
    vertical-align: top;
  }
  th {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
