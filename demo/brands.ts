/**
 * Three looks of the kit, each only the global tokens a reseller sets on an ancestor
 * (components/styles/tokens.ts derives the rest): the provider's own, Acme Telecom's warm one,
 * and Midnight Fibre's, whose own site is dark even in the light theme. Storybook's Brand
 * toolbar, the sample reseller site and the theming tests use these.
 */
export interface ThemeBrand {
  name: string;
  /** `--bp-<name>` → value, for the light theme (and the brand colour in both). */
  tokens: Record<string, string>;
  /** A brand whose surface is dark: native controls (selects, check boxes) drawn dark too. */
  scheme?: 'dark';
}

export const THEME_BRANDS = {
  provider: { name: 'Harbourline (the provider)', tokens: {} },
  acme: {
    name: 'Acme Telecom',
    tokens: {
      brand: '#b3361b',
      surface: '#fffaf5',
      text: '#2a1a12',
      font: "'Trebuchet MS', 'Segoe UI', sans-serif",
      radius: '10px',
      density: '1.1',
    },
  },
  midnight: {
    name: 'Midnight Fibre',
    tokens: {
      brand: '#5eead4',
      surface: '#101826',
      text: '#e6edf7',
      font: "Georgia, 'Times New Roman', serif",
      radius: '2px',
      density: '0.9',
    },
    scheme: 'dark',
  },
} satisfies Record<string, ThemeBrand>;

export type ThemeBrandId = keyof typeof THEME_BRANDS;

/** A brand as style properties for the element that carries it (`--bp-brand` → `#b3361b`, …). */
export function brandStyle(id: ThemeBrandId): Record<string, string> {
  const brand: ThemeBrand = THEME_BRANDS[id];
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(brand.tokens)) style[`--bp-${name}`] = value;
  if (brand.scheme) style['color-scheme'] = brand.scheme;
  return style;
}

/** The same as CSS declarations (`--bp-brand: #b3361b; …`). */
export const brandDeclarations = (id: ThemeBrandId): string =>
  Object.entries(brandStyle(id))
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
