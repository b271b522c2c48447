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
  const defined = customElements.get(element.tag);
  if (!defined) customElements.define(element.tag, element);
  // The same kit from two addresses (/kit/0.1.0/ and /kit/) is two copies that do not share a
  // portal: the first copy's element stays, and the page is told why the others do not work.
  else if (defined !== element) console.warn(`<${element.tag}> is already defined by another copy of billing-portal-kit: load every element from one address.`);
}
