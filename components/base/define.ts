/** An element class of the kit: its tag, and the elements it shows. */
export interface KitElementClass extends CustomElementConstructor {
  readonly tag: string;
  readonly elements?: readonly KitElementClass[];
}

/**
 * Registers an element and the elements it shows (theirs too), each once: a page may load the
 * whole kit and single elements side by side. Element modules never register themselves: the
 * kit's entries do (kit/build.ts), so the build may put several elements in one file while each
 * entry still registers only its own.
 */
export function defineElement(element: KitElementClass): void {
  for (const shown of element.elements ?? []) defineElement(shown);
  if (!customElements.get(element.tag)) customElements.define(element.tag, element);
}
