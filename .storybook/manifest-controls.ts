import type { ArgTypesEnhancer } from 'storybook/internal/types';
import type { Package } from 'custom-elements-manifest/schema';

/**
 * The manifest as designers need it in docs and controls: each element's public API only.
 * Storybook lists every class member the analyzer saw (private state, protected helpers);
 * a property that has an attribute is listed once, by its attribute (`account-number`, not
 * also `accountNumber`), so one control sets it.
 */
export function publicManifest(manifest: Package): Package {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!('members' in declaration) || !declaration.members) return declaration;
        const byAttribute = new Set(('attributes' in declaration ? declaration.attributes ?? [] : []).map((a) => a.fieldName ?? a.name));
        return {
          ...declaration,
          members: declaration.members.filter((m) => m.kind === 'field' && !m.static && !m.privacy && !byAttribute.has(m.name)),
        };
      }),
    })),
  };
}

/** `'light' | 'dark' | 'auto'` → its options; null for any other type. */
function stringLiterals(type: string): string[] | null {
  const parts = type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined' && p !== 'null');
  const values = parts.map((p) => /^'([^']*)'$|^"([^"]*)"$/.exec(p)).map((m) => (m ? (m[1] ?? m[2])! : null));
  return values.length && values.every((v) => v !== null) ? (values as string[]) : null;
}

/**
 * A control for each attribute and property by its type in the manifest (Storybook reads the
 * manifest's TypeScript type as a name it does not know, and would offer a JSON box for all):
 * a union of strings a select, `boolean` a switch, `number` a number, `string` a text box;
 * anything else (data) stays a JSON box. Custom properties get a text box (the story sets them
 * on the element); events and parts none: they are documentation, not inputs.
 */
export const controlsFromManifestTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([key, argType]) => {
      const category = argType.table?.category;
      if (argType.control !== undefined) return [key, argType];
      if (category === 'css custom properties') return [key, { ...argType, type: { name: 'string' }, control: { type: 'text' } }];
      if (category === 'events' || category === 'css shadow parts' || category === 'slots') return [key, { ...argType, control: false }];
      if (category !== 'attributes' && category !== 'properties') return [key, argType];
      const text = String((argType.type as { name?: string } | undefined)?.name ?? '');
      const bare = text.replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
      const options = stringLiterals(text);
      if (options) return [key, { ...argType, type: { name: 'enum', value: options }, options, control: { type: options.length <= 4 ? 'inline-radio' : 'select' } }];
      if (bare === 'boolean' || bare === 'number' || bare === 'string') return [key, { ...argType, type: { name: bare } }];
      return [key, argType];
    }),
  );
