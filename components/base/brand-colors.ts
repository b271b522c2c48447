import type { Brand } from '../api/types.ts';

/**
 * A reseller's brand colours as the kit's tokens, for light and dark. The record gives a primary
 * colour and a header colour; the primary is moved here, per theme, just as far as it takes to
 * read at WCAG AA (4.5:1) on that theme's surfaces whatever colour was chosen, and set as the
 * global `--bp-brand` (`--bp-dark-brand`): hover, focus and the text on it derive from it in
 * CSS (tokens.ts) like any page's brand.
 */

type Rgb = [number, number, number];

const HEX = /^#[0-9a-f]{6}$/i;
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `amount` (0–1) of the way from `from` to `to`. */
const mix = (from: string, to: string, amount: number) => {
  const [a, b] = [rgb(from), rgb(to)];
  return hexOf(a.map((v, i) => v + (b[i]! - v) * amount) as Rgb);
};

/** The colour, moved toward `toward` (black or white) just as far as it takes to read on `background`. */
export function readableOn(hex: string, background: string, toward: '#000000' | '#ffffff'): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(hex, toward, step / 20);
    if (contrast(candidate, background) >= 4.5) return candidate;
  }
  return toward;
}

/** White or near-black: whichever reads better on the colour. */
export const textOn = (hex: string) => (contrast('#ffffff', hex) >= contrast('#111111', hex) ? '#ffffff' : '#111111');

// The surfaces the primary colour is read on (tokens.ts): the light theme's darkest (its tint,
// color-surface), the dark theme's lightest (its tint over #222831).
const LIGHT_SURFACE = '#f3f3f4';
const DARK_SURFACE = '#2d333c';

/** The token declarations of a brand, per theme; empty when it sets no colour. */
export function brandTokens(brand: Brand | null): { light: Record<string, string>; dark: Record<string, string> } {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const primary = brand?.colors.primary;
  if (primary && HEX.test(primary)) {
    light.brand = readableOn(primary, LIGHT_SURFACE, '#000000');
    dark.brand = readableOn(primary, DARK_SURFACE, '#ffffff');
  }
  const header = brand?.colors.header;
  if (header && HEX.test(header)) {
    const headerTokens = { 'color-header-bg': header, 'color-header-text': textOn(header) };
    Object.assign(light, headerTokens);
    Object.assign(dark, headerTokens);
  }
  return { light, dark };
}

/**
 * The brand's colours as a style sheet for the element's shadow root. Light values go on
 * `--bp-*`, dark ones on `--bp-dark-*` (which the dark theme of every element inside reads
 * first, see tokens.ts), both on `:host`: a host page's own `--bp-*` on the element still win
 * (outer styles beat `:host`), and the dark theme's rules beat the light ones here. Null:
 * nothing to set.
 */
export function brandStyleSheet(brand: Brand | null): CSSStyleSheet | null {
  const { light, dark } = brandTokens(brand);
  if (!Object.keys(light).length) return null;
  const declarations = [...Object.entries(light).map(([name, value]) => `--bp-${name}: ${value};`), ...Object.entries(dark).map(([name, value]) => `--bp-dark-${name}: ${value};`)];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { ${declarations.join(' ')} }`);
  return sheet;
}
