import { css } from 'lit';
import { token } from '../styles/tokens.ts';

/**
 * The form's fields sit on one grid: two columns, one when the form is narrower than 480 px.
 * The card frame (server/card-frame/) uses the same columns, gaps and breakpoint, measured on
 * the same width (the frame is as wide as the form), so its fields line up with these.
 */
export const paymentFormStyles = css`
  form {
    container: pay-form / inline-size;
  }
  form,
  fieldset {
    display: grid;
    gap: ${token('space-4')};
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: ${token('space-2')};
    padding: 0;
    font-weight: ${token('font-weight-bold')};
    font-size: ${token('font-size-md')};
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: ${token('space-3')} ${token('space-4')};
  }
  @container pay-form (max-width: 479px) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .check {
    display: flex;
    gap: ${token('space-2')};
    align-items: flex-start;
  }
  .choices label {
    display: flex;
    gap: ${token('space-2')};
    align-items: center;
  }
  form > p,
  .choices p,
  .hint {
    margin: 0;
  }
  .hint {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  iframe {
    display: block;
    width: 100%;
    min-height: 12rem;
    border: 0;
    /* Transparent over the panel: the frame paints only its fields (color-scheme matches). */
    background: transparent;
  }
  .error-summary h3 {
    margin: 0 0 ${token('space-2')};
    font-size: ${token('font-size-md')};
  }
  .error-summary ul {
    margin: 0;
    padding-left: ${token('space-4')};
  }
  .error-summary a {
    color: ${token('color-danger')};
    font-weight: ${token('font-weight-bold')};
  }
  .error-summary:focus-visible {
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-3')};
  }
  .success {
    border-left-color: ${token('color-success')};
    background: ${token('color-surface')};
  }
`;
