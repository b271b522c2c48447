import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The design tokens: every colour, space, radius and font of the kit.
 *
 * A reseller rebrands the whole kit with a handful of global tokens set on any ancestor
 * (`body { --bp-brand: #7b2cbf; --bp-font: Georgia, serif }`): brand, surface, text, font,
 * radius and density. Every other token derives from those in CSS (color-mix, relative
 * colours, calc) where it is used, so hover shades, borders, muted text, the focus ring, the
 * spacing scale and control heights follow. Each derived token can still be set itself
 * (`--bp-color-border`), which wins over its derivation.
 *
 * Nothing is set in the light theme: components read `var(--bp-<token>, <derivation>)`, so a
 * value set on any ancestor reaches nested elements. `theme="dark"` (or `auto` in a dark system
 * setting) sets the dark values on the element (its children inherit them): its own surface and
 * text, and the brand lightened until it reads on dark surfaces. To change a dark value, set its
 * `--bp-dark-*` twin anywhere above (`--bp-dark-surface`, `--bp-dark-color-primary`): every element
 * in the dark theme reads its dark values from those first (a reseller's brand reaches nested
 * widgets so).
 */

/** The global tokens a reseller sets, with their light defaults. */
const BASE = {
  brand: '#0b5cad',
  surface: '#ffffff',
  text: '#1b1f24',
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  radius: '4px',
  /** A factor on every space and control height: 0.85 compact, 1.15 roomy. */
  density: '1',
} as const;

type BaseName = keyof typeof BASE;

/** The dark theme's own surface and text (its brand is the light one, lightened: see DARK). */
const BASE_DARK: Partial<Record<BaseName, string>> = {
  surface: '#222831',
  text: '#e8ecf1',
};

const base = (name: BaseName) => `var(--bp-${name}, ${BASE[name]})`;

/** White or black, whichever reads better on `background` (a CSS colour): its OKLCH lightness decides. */
const readableOn = (background: string) => `oklch(from ${background} clamp(0, (0.6 - l) * 1000, 1) 0 0)`;
const mix = (a: string, percent: number, b: string) => `color-mix(in oklab, ${a} ${percent}%, ${b})`;
const spaced = (rem: number) => `calc(${rem}rem * ${base('density')})`;

/**
 * Every token: its derivation from the global tokens (or from other tokens, read through
 * `t()`, so a token set by the page feeds the ones derived from it), or a fixed value.
 */
const FORMULAS = {
  'color-primary': () => base('brand'),
  'color-primary-hover': () => mix(t('color-primary'), 78, t('color-text')),
  'color-on-primary': () => readableOn(t('color-primary')),
  'color-focus': () => t('color-primary'),
  'color-text': () => base('text'),
  'color-text-muted': () => mix(t('color-text'), 74, t('color-surface-raised')),
  'color-surface-raised': () => base('surface'),
  'color-bg': () => t('color-surface-raised'),
  /** A tint of the surface, for bars, hovered rows and quiet boxes. */
  'color-surface': () => mix(t('color-surface-raised'), 95, t('color-text')),
  /** Rules between rows and around panels (decoration). */
  'color-border': () => mix(t('color-surface-raised'), 82, t('color-text')),
  /** The edge of a field or a control: 3:1 against the surface (WCAG 1.4.11). */
  'color-border-strong': () => mix(t('color-surface-raised'), 45, t('color-text')),
  // Status colours: a hue mixed with the text, so they read on a light or a dark surface alike.
  'color-danger': () => mix('#d92d20', 60, t('color-text')),
  'color-danger-surface': () => mix(t('color-surface-raised'), 90, t('color-danger')),
  'color-warning': () => mix('#c27400', 62, t('color-text')),
  'color-warning-surface': () => mix(t('color-surface-raised'), 88, t('color-warning')),
  'color-success': () => mix('#1f9d4a', 64, t('color-text')),
  'color-header-bg': () => mix(t('color-primary'), 62, '#000000'),
  'color-header-text': () => readableOn(t('color-header-bg')),
  // Data series of charts, each at least 3:1 against the surfaces.
  'color-chart-1': () => t('color-primary'),
  'color-chart-2': () => '#c2410c',
  'color-chart-3': () => '#6d28d9',
  'color-chart-4': () => '#6e7781',
  'color-chart-5': () => '#0f766e',
  'space-1': () => spaced(0.25),
  'space-2': () => spaced(0.5),
  'space-3': () => spaced(0.75),
  'space-4': () => spaced(1),
  'space-6': () => spaced(1.5),
  'space-8': () => spaced(2),
  /** Buttons, fields and selects; never under 2rem (a target a finger can hit). */
  'control-height': () => `max(2rem, ${spaced(2.5)})`,
  'radius-sm': () => base('radius'),
  'radius-md': () => `calc(2 * ${base('radius')})`,
  'font-family': () => base('font'),
  'font-size-sm': () => '0.875rem',
  'font-size-md': () => '1rem',
  'font-size-lg': () => '1.25rem',
  'font-size-xl': () => '1.625rem',
  'font-weight-bold': () => '600',
} satisfies Record<string, () => string>;

export type TokenName = keyof typeof FORMULAS;

const expanded = new Map<TokenName, string>();

/** `t('color-primary')` → `var(--bp-color-primary, var(--bp-brand, #0b5cad))`. */
function t(name: string): string {
  let value = expanded.get(name as TokenName);
  if (value === undefined) {
    const formula = (FORMULAS as Record<string, () => string>)[name];
    if (!formula) throw new Error(`No token ${name}`);
    expanded.set(name as TokenName, (value = `var(--bp-${name}, ${formula()})`));
  }
  return value;
}

/**
 * What the dark theme sets (each behind its `--bp-dark-*` twin): its surface, text and
 * colours, and the brand lightened until it reads on the dark surfaces (so one brand colour
 * serves both themes). The rest derives from these as in the light theme.
 */
const DARK: Partial<Record<TokenName, string>> = {
  'color-primary': `var(--bp-dark-brand, oklch(from ${base('brand')} max(l, 0.74) min(c, 0.16) h))`,
  'color-text': `var(--bp-dark-text, ${BASE_DARK.text})`,
  'color-surface-raised': `var(--bp-dark-surface, ${BASE_DARK.surface})`,
  'color-bg': mix(t('color-surface-raised'), 62, '#000000'),
  'color-header-bg': mix(t('color-primary'), 22, '#0a1622'),
  'color-chart-2': '#fb923c',
  'color-chart-3': '#c4b5fd',
  'color-chart-4': '#a9b3be',
  'color-chart-5': '#5eead4',
};

/** `token('color-primary')` → `var(--bp-color-primary, var(--bp-brand, #0b5cad))`, for use inside css``. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(t(name));
}

// Every token the dark theme sets is declared on its host, each behind its --bp-dark-* twin;
// the derived ones again, so that they derive from the dark values on this element (and a
// page's --bp-dark-color-border still wins).
const darkDeclarations = unsafeCSS(
  (Object.keys(FORMULAS) as TokenName[])
    .filter((name) => name.startsWith('color-'))
    .map((name) => `--bp-${name}: var(--bp-dark-${name}, ${DARK[name] ?? FORMULAS[name]()});`)
    .join('\n'),
);

/** Every element's base: theme switching, font and text colour. No global styles: `:host` only. */
export const hostStyles = css`
  :host {
    font-family: ${token('font-family')};
    font-size: ${token('font-size-md')};
    line-height: 1.5;
    color: ${token('color-text')};
    /* Radio buttons and check boxes in the brand colour. */
    accent-color: ${token('color-primary')};
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
  /* Browsers without relative colours (before Chrome 119, Safari 18, Firefox 128): fixed text on the brand and the provider's dark brand. */
  @supports not (color: oklch(from red l c h)) {
    :host {
      --bp-color-on-primary: #ffffff;
      --bp-color-header-text: #ffffff;
    }
    :host([theme='dark']) {
      --bp-color-primary: var(--bp-dark-color-primary, var(--bp-dark-brand, #6cb2ff));
      --bp-color-on-primary: #0b1724;
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
