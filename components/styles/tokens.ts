import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The design tokens: every colour, space, radius and font of the kit.
 *
 * Components read `--bp-*` custom properties with the light value as fallback, and nothing
 * sets them in the light theme. So a host page can restyle from anywhere above the element
 * (`body { --bp-color-primary: #7b2cbf }`), and nested elements follow. `theme="dark"` on an
 * element sets the dark values on it (its children inherit them); `theme="auto"` follows the
 * visitor's system setting. To change a dark value, set it on the element itself, or set its
 * `--bp-dark-*` twin anywhere above (`--bp-dark-color-primary`): every element in the dark
 * theme reads its dark values from those first (a reseller's brand colours reach nested
 * widgets so).
 */
const LIGHT = {
  'color-bg': '#ffffff',
  'color-surface': '#f4f6f8',
  'color-surface-raised': '#ffffff',
  'color-text': '#1b1f24',
  'color-text-muted': '#55606b',
  'color-border': '#d0d7de',
  'color-primary': '#0b5cad',
  'color-primary-hover': '#094a8c',
  'color-on-primary': '#ffffff',
  'color-danger': '#b42318',
  'color-danger-surface': '#fdecea',
  'color-warning': '#8a5300',
  'color-warning-surface': '#fff4e0',
  'color-success': '#1a7f37',
  'color-focus': '#0b5cad',
  'color-header-bg': '#0f2f4f',
  'color-header-text': '#ffffff',
  // Data series of charts, each at least 3:1 against the surfaces.
  'color-chart-1': '#0b5cad',
  'color-chart-2': '#c2410c',
  'color-chart-3': '#6d28d9',
  'color-chart-4': '#6e7781',
  'color-chart-5': '#0f766e',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-6': '1.5rem',
  'space-8': '2rem',
  'radius-sm': '4px',
  'radius-md': '8px',
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  'font-size-sm': '0.875rem',
  'font-size-md': '1rem',
  'font-size-lg': '1.25rem',
  'font-size-xl': '1.625rem',
  'font-weight-bold': '600',
} as const;

type TokenName = keyof typeof LIGHT;

const DARK: Partial<Record<TokenName, string>> = {
  'color-bg': '#111418',
  'color-surface': '#1a1f26',
  'color-surface-raised': '#222831',
  'color-text': '#e8ecf1',
  'color-text-muted': '#a9b3be',
  'color-border': '#3a4350',
  'color-primary': '#6cb2ff',
  'color-primary-hover': '#93c7ff',
  'color-on-primary': '#0b1724',
  'color-danger': '#ff8a80',
  'color-danger-surface': '#3b1d1b',
  'color-warning': '#ffc46b',
  'color-warning-surface': '#3a2c12',
  'color-success': '#6fdd8b',
  'color-focus': '#93c7ff',
  'color-header-bg': '#0a1622',
  'color-header-text': '#e8ecf1',
  'color-chart-1': '#6cb2ff',
  'color-chart-2': '#fb923c',
  'color-chart-3': '#c4b5fd',
  'color-chart-4': '#a9b3be',
  'color-chart-5': '#5eead4',
};

/** `token('color-primary')` → `var(--bp-color-primary, #0b5cad)`, for use inside css``. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--bp-${name}, ${LIGHT[name]})`);
}

/** A token's value where `el` is (set by the host page, a dark theme, or the default). */
export function tokenValue(el: Element, name: TokenName): string {
  return getComputedStyle(el).getPropertyValue(`--bp-${name}`).trim() || LIGHT[name];
}

const darkDeclarations = unsafeCSS(
  Object.entries(DARK)
    .map(([name, value]) => `--bp-${name}: var(--bp-dark-${name}, ${value});`)
    .join('\n'),
);

/** Every element's base: theme switching, font and text colour. No global styles: `:host` only. */
export const hostStyles = css`
  :host {
    font-family: ${token('font-family')};
    font-size: ${token('font-size-md')};
    line-height: 1.5;
    color: ${token('color-text')};
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    ${darkDeclarations}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkDeclarations}
      color-scheme: dark;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid ${token('color-focus')};
    outline-offset: 2px;
  }
`;
