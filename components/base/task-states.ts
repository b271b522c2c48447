import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import { token } from '../styles/tokens.ts';

export interface StateViews<T> {
  /** What "loading" says to screen readers and shows beside the spinner. */
  loading: string;
  /** What shows before anything was asked for (a search not yet made); default: nothing. */
  initial?: string;
  complete(value: T): TemplateResult;
  /** When the data is there but has nothing to show. */
  isEmpty?(value: T): boolean;
  empty?: string;
  /** What is announced once it has loaded (after "loading" was); default "Loaded.". */
  loaded?: string;
}

/** The spinner and its text, announced unless a live region of the element's own says it (`live` false). */
export const loadingView = (text: string, live = true) =>
  html`<p class="state loading" role=${live ? 'status' : nothing} aria-live=${live ? 'polite' : nothing}><span class="spinner" aria-hidden="true"></span>${text}</p>`;

/**
 * One look for loading, error (with a retry), empty and loaded across the kit's data elements.
 * `value` is data the host set as a property: shown as is, without loading.
 */
export function renderStates<T>(task: Task<readonly unknown[], T | undefined>, value: T | undefined, views: StateViews<T>, liveLoading = true) {
  const show = (v: T) => (views.isEmpty?.(v) ? html`<p class="state empty" part="empty">${views.empty ?? msg('Nothing to show.')}</p>` : views.complete(v));
  if (value !== undefined) return show(value);
  return task.render({
    initial: () => (views.initial ? html`<p class="state muted">${views.initial}</p>` : nothing),
    pending: () => loadingView(views.loading, liveLoading),
    error: (err) => html`
      <div class="state alert" part="error" role="alert">
        <p>${err instanceof Error ? err.message : String(err)}</p>
        <button class="button secondary" type="button" @click=${() => void task.run()}>${msg('Try again')}</button>
      </div>
    `,
    complete: (v) => (v === undefined ? nothing : show(v)),
  });
}

export const stateStyles = css`
  .state {
    margin: 0;
  }
  .state.loading {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    color: ${token('color-text-muted')};
  }
  .state.alert p {
    margin: 0 0 ${token('space-2')};
  }
  .state.empty {
    color: ${token('color-text-muted')};
  }
  .spinner {
    width: 1rem;
    height: 1rem;
    border: 2px solid ${token('color-border')};
    border-top-color: ${token('color-primary')};
    border-radius: 50%;
    animation: bp-spin 0.8s linear infinite;
  }
  @keyframes bp-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
