/**
 * The kit's elements, found in the source rather than listed by hand: every class under
 * components/ that names its tag (`static readonly tag = 'bp-…'`). The build makes an entry of
 * each (`billing-portal-kit/<name>`) that registers it and the elements it shows, and the
 * packaging, manifest and size checks go through them all, so an element added later is covered
 * without touching this list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface KitElement {
  /** `bp-account-summary` */
  tag: string;
  /** `account-summary`: the entry's name (`billing-portal-kit/account-summary`, `account-summary.js`). */
  name: string;
  /** The module that defines it, relative to the project (`components/account-summary/account-summary.ts`). */
  file: string;
  /** Its class, exported by that module: the tag in PascalCase (`BpAccountSummary`). */
  className: string;
}

/** The project's root: the folder above this one. */
export const ROOT = resolve(import.meta.dirname, '..');
/** The whole kit's entry (`billing-portal-kit`): it registers each element when the page first uses it. */
export const KIT_INDEX = 'components/index.ts';
/** The name of the whole kit's entry and file (`billing-portal-kit.js`). */
export const KIT_NAME = 'billing-portal-kit';

const DEFINES = /static readonly tag = ['"](bp-[a-z0-9-]+)['"]/g;

function componentModules(root: string): string[] {
  return readdirSync(join(root, 'components'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join('components', f).split('\\').join('/'))
    .sort();
}

const classNameOf = (tag: string) => tag.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());

/** Every element of the kit, by tag. */
export function kitElements(root = ROOT): KitElement[] {
  const found: KitElement[] = [];
  for (const file of componentModules(root)) {
    for (const [, tag] of readFileSync(join(root, file), 'utf8').matchAll(DEFINES)) found.push({ tag: tag!, name: tag!.slice(3), file, className: classNameOf(tag!) });
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The tags of the element classes a module defines. */
export function tagsDefinedIn(file: string, root = ROOT): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(DEFINES)].map((m) => m[1]!);
}

// `import x from './a.ts'`, `import './a.ts'`, `export … from './a.ts'`; not `import type`, not `import()`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The project modules a module imports statically (type-only imports and `import()` left out). */
export function localImports(file: string, root = ROOT): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  return [...source.matchAll(STATIC_IMPORT)].map((m) => relative(root, resolve(root, dirname(file), m[1]!)).split('\\').join('/'));
}

/** A module and every project module it loads statically, directly or not. */
export function importClosure(file: string, root = ROOT, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of localImports(file, root)) importClosure(dep, root, seen);
  return seen;
}

/**
 * The tags the entry of an element module registers: those of every element class it loads
 * statically, the elements it shows.
 */
export function tagsRegisteredBy(file: string, root = ROOT): string[] {
  return [...importClosure(file, root)].flatMap((f) => tagsDefinedIn(f, root)).sort();
}
