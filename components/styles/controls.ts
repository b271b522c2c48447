import { css } from 'lit';
import { token } from './tokens.ts';

/**
 * Buttons, alerts and panels as every element of the kit draws them. Fields (fields.ts), tables
 * (tables.ts) and link buttons (link-button.ts) have styles of their own, added by the elements
 * that show them.
 */
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('space-2')};
    min-height: ${token('control-height')};
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
    overflow-wrap: break-word;
  }
  @container (max-width: 30rem) {
    .panel {
      padding: ${token('space-4')};
    }
  }
  .muted {
    color: ${token('color-text-muted')};
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
