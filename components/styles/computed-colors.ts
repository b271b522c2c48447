import { token, type TokenName } from './tokens.ts';

// Apart from tokens.ts: only the card frame's look and the report chart need colours computed,
// so the elements that need neither do not load this.

/**
 * A colour token's value where `el` is, resolved to `rgb()` / `rgba()` (its derivation
 * computed), for what cannot read CSS: the card frame's query, a chart's canvas.
 */
export function tokenColor(el: Element, name: TokenName): string {
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.setProperty('color', token(name).cssText);
  (el.shadowRoot ?? el).appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return toRgb(color);
}

let canvas: CanvasRenderingContext2D | null = null;

/** Any CSS colour (`color(srgb …)`, `oklch(…)`) as `rgb(r, g, b)` or `rgba(r, g, b, a)`. */
export function toRgb(color: string): string {
  canvas ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a! / 255) * 1000) / 1000})`;
}
