import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClassDeclaration, CustomElement, Package } from 'custom-elements-manifest/schema';
import { localImports, tagsDefinedIn } from '../../kit/elements.ts';

/** A class declaration that defines an element (the schema's CustomElementDeclaration leaves out CustomElement's fields). */
type CustomElementDeclaration = ClassDeclaration & CustomElement;

/**
 * What an element's entry in the custom elements manifest lacks: a summary, a description of
 * each public attribute, property, event, slot, part and custom property, and an entry for each
 * part, slot, event and element knob (`--bp-<name>-…`) its own source uses. Its own source is
 * its module and the modules of its folder it imports (styles, sub-templates); shared pieces
 * (base classes, tokens) are documented where they are declared.
 */
export function undocumented(manifest: Package, tag: string, file: string, root: string): string[] {
  const element = declarationOf(manifest, tag);
  if (!element) return [`<${tag}> is not in the manifest`];
  const missing: string[] = [];
  if (!element.summary?.trim()) missing.push('@summary');
  const described = (kind: string, items: { name: string; description?: string }[] | undefined) => {
    for (const item of items ?? []) if (!item.description?.trim()) missing.push(`${kind} ${item.name || '(default)'}: no description`);
  };
  described('attribute', element.attributes);
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'));
  described('property', properties);
  described('event', element.events?.map((e) => ({ name: e.name ?? '(unnamed)', description: e.description })));
  described('slot', element.slots);
  described('part', element.cssParts);
  described('custom property', element.cssProperties);

  const source = ownSources(file, root).map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
  const listed = (items: { name?: string }[] | undefined) => new Set((items ?? []).map((i) => i.name ?? ''));
  const check = (kind: string, used: Iterable<string>, documented: Set<string>) => {
    for (const name of new Set(used)) if (!documented.has(name)) missing.push(`${kind} ${name || '(default)'}: used but not documented`);
  };
  check('part', [...source.matchAll(/\spart="([\w-]+)"/g)].map((m) => m[1]!), listed(element.cssParts));
  check('slot', [...source.matchAll(/<slot(?:\s+name="([\w-]+)")?[\s>]/g)].map((m) => m[1] ?? ''), listed(element.slots));
  const knob = new RegExp(`var\\((--bp-${tag.slice(3)}-[\\w-]+)`, 'g');
  check('custom property', [...source.matchAll(knob)].map((m) => m[1]!), listed(element.cssProperties));
  const eventNames = eventNamesByClass(manifest);
  const dispatched = [...source.matchAll(/new (Bp\w+Event)\(/g)].map((m) => eventNames.get(m[1]!) ?? `${m[1]} (no eventName)`);
  check('event', dispatched, listed(element.events));
  return missing;
}

export function declarationOf(manifest: Package, tag: string): CustomElementDeclaration | undefined {
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) if (d.kind === 'class' && 'tagName' in d && d.tagName === tag) return d as CustomElementDeclaration;
  }
  return undefined;
}

/** Every tag in the manifest. */
export const manifestTags = (manifest: Package) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => ('tagName' in d && d.tagName ? [d.tagName] : [])).sort();

/** The element's module and the modules of its own folder it imports, directly or not. */
function ownSources(file: string, root: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(join(root, file))) return [...seen];
  seen.add(file);
  for (const dep of localImports(file, root)) {
    // Another element of the folder (bp-tickets renders bp-ticket-form) documents itself.
    if (dirname(dep) === dirname(file) && existsSync(join(root, dep)) && !tagsDefinedIn(dep, root).length) ownSources(dep, root, seen);
  }
  return [...seen];
}

/** `BpPaymentSuccessEvent` → `bp-payment-success`, from the event classes' static `eventName`. */
function eventNamesByClass(manifest: Package): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (d.kind !== 'class') continue;
    const field = d.members?.find((m) => m.static && m.name === 'eventName');
    const name = field && 'default' in field ? /^['"](.+)['"]$/.exec(field.default ?? '')?.[1] : undefined;
    if (name) names.set(d.name, name);
  }
  return names;
}
