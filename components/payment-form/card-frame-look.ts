import { toRgb, tokenColor } from '../styles/computed-colors.ts';

/** The rendered pieces of the payment form whose look the card frame copies. */
export interface FormPieces {
  host: HTMLElement;
  /** A text field of the form (Address Line 1). */
  input: HTMLElement;
  /** Its label. */
  label: HTMLElement;
  /** A `.field` around a label and its input (the space between them). */
  field: HTMLElement;
  /** Small muted text (the hint under the card fields). */
  hint: HTMLElement;
  /** The grid the address fields sit on (its gaps). */
  grid: HTMLElement;
}

/**
 * The scheme the form is drawn in. `color-scheme: light dark` (a page that follows the system,
 * inherited by a form in `theme="auto"`) is the system's: taking it for dark gave the frame a
 * dark canvas under light fields, its labels unreadable.
 */
function usedScheme(host: HTMLElement): 'light' | 'dark' {
  const declared = getComputedStyle(host).colorScheme.split(/\s+/);
  if (!declared.includes('dark')) return 'light';
  return declared.includes('light') && !matchMedia('(prefers-color-scheme: dark)').matches ? 'light' : 'dark';
}

/**
 * The form's look as the card frame's query parameters (server/card-frame/frame-style.ts checks
 * each one): measured on the form's own rendered fields, so the card fields get the same font,
 * height, padding, radius and colours, whether they come from the light or dark tokens, a
 * reseller's `--bp-*` values or the host page's font size. Colours go as `rgb()`: the tokens'
 * derivations (color-mix, relative colours) are computed here, not in the frame.
 */
export function cardFrameLook(p: FormPieces): Record<string, string> {
  const input = getComputedStyle(p.input);
  const grid = getComputedStyle(p.grid);
  const hint = getComputedStyle(p.hint);
  return {
    theme: usedScheme(p.host),
    font: input.fontFamily,
    'font-size': input.fontSize,
    'small-size': hint.fontSize,
    text: toRgb(getComputedStyle(p.label).color),
    muted: toRgb(hint.color),
    'label-weight': getComputedStyle(p.label).fontWeight,
    'label-gap': getComputedStyle(p.field).rowGap,
    'field-height': `${Math.round(p.input.getBoundingClientRect().height * 100) / 100}px`,
    'field-pad-x': input.paddingLeft,
    'field-bg': toRgb(input.backgroundColor),
    'field-text': toRgb(input.color),
    border: toRgb(input.borderTopColor),
    radius: input.borderTopLeftRadius,
    danger: tokenColor(p.host, 'color-danger'),
    focus: tokenColor(p.host, 'color-focus'),
    'gap-x': grid.columnGap,
    'gap-y': grid.rowGap,
  };
}
