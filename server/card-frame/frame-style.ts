/**
 * The card frame's look, handed over by the payment form in the frame's URL: the fonts, field
 * height, padding, radius, colours and grid gaps the form itself has (read from its rendered
 * fields), so the card fields look like the address fields beside them, in light, dark or a
 * reseller's brand. Every value is checked against a strict pattern (no `;{}()` that could end
 * a declaration, no url()); a value that does not match keeps the default.
 */

type Kind = 'color' | 'length' | 'weight' | 'font';

const PATTERNS: Record<Kind, RegExp> = {
  color: /^(#[0-9a-fA-F]{3,8}|(rgba?|hsla?|oklch|oklab|lab|lch)\([\d\s.,%/+-]{1,60}\))$/,
  length: /^\d{1,3}(\.\d{1,4})?px$/,
  weight: /^[1-9]00$/,
  // Font family names, unquoted (see fontList): letters, digits, spaces, dashes, commas.
  font: /^-?[A-Za-z][\w -]{0,60}(, ?-?[A-Za-z][\w -]{0,60}){0,9}$/,
};

/** The settings the form sends, by query parameter: their kind, and the defaults per scheme. */
const SETTINGS: Record<string, { kind: Kind; light: string; dark: string }> = {
  font: { kind: 'font', light: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', dark: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif' },
  'font-size': { kind: 'length', light: '16px', dark: '16px' },
  'small-size': { kind: 'length', light: '14px', dark: '14px' },
  text: { kind: 'color', light: '#1b1f24', dark: '#e8ecf1' },
  muted: { kind: 'color', light: '#4e5256', dark: '#afb4bb' },
  'label-weight': { kind: 'weight', light: '600', dark: '600' },
  'label-gap': { kind: 'length', light: '4px', dark: '4px' },
  'field-height': { kind: 'length', light: '40px', dark: '40px' },
  'field-pad-x': { kind: 'length', light: '12px', dark: '12px' },
  'field-bg': { kind: 'color', light: '#ffffff', dark: '#222831' },
  'field-text': { kind: 'color', light: '#1b1f24', dark: '#e8ecf1' },
  border: { kind: 'color', light: '#787b7e', dark: '#888d95' },
  radius: { kind: 'length', light: '4px', dark: '4px' },
  danger: { kind: 'color', light: '#89312a', dark: '#e3857a' },
  focus: { kind: 'color', light: '#0b5cad', dark: '#65adff' },
  'gap-x': { kind: 'length', light: '16px', dark: '16px' },
  'gap-y': { kind: 'length', light: '12px', dark: '12px' },
};

/** The query parameters the form may send (besides `origin` and `theme`). */
export const FRAME_STYLE_PARAMS = Object.keys(SETTINGS);

/** `Georgia, "Times New Roman", serif` → `Georgia, Times New Roman, serif`: names need no quotes here. */
const fontList = (value: string) =>
  value
    .split(',')
    .map((f) => f.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .join(', ');

export interface FrameStyle {
  scheme: 'light' | 'dark';
  /** `--name: value;` lines for the frame's :root, every value checked. */
  declarations: string;
}

export function frameStyle(query: (name: string) => string | undefined): FrameStyle {
  const scheme = query('theme') === 'dark' ? 'dark' : 'light';
  const lines = Object.entries(SETTINGS).map(([name, setting]) => {
    const raw = query(name)?.trim() ?? '';
    const value = setting.kind === 'font' ? fontList(raw) : raw;
    return `--${name}: ${PATTERNS[setting.kind].test(value) ? value : setting[scheme]};`;
  });
  return { scheme, declarations: lines.join('\n') };
}
