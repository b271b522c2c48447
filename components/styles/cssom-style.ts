import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Inline style properties, by their CSS names (`width`, `--bp-x`); undefined leaves one unset. */
export type StyleProperties = Record<string, string | undefined>;

/**
 * lit's styleMap without the `style` attribute: properties are set through the CSSOM
 * (`element.style`) only. A strict Content-Security-Policy (style-src without 'unsafe-inline')
 * blocks style attributes, even written from script, but not the CSSOM; styleMap writes the
 * attribute on first render.
 */
class CssomStyleDirective extends Directive {
  private set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('cssomStyle() belongs in a style attribute: style=${cssomStyle({...})}');
  }

  render(_properties: StyleProperties) {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [StyleProperties]) {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      next.add(name);
    }
    for (const name of this.set) if (!next.has(name)) style.removeProperty(name);
    this.set = next;
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
