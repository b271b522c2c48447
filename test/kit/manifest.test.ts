import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Package } from 'custom-elements-manifest/schema';
import { ROOT, kitElements } from '../../kit/elements.ts';
import { analyzeKit } from '../../kit/manifest.ts';
import { declarationOf, manifestTags, undocumented } from './manifest-check.ts';

/**
 * custom-elements.json, as the analyzer makes it from the elements' JSDoc (the same config as
 * `npm run analyze`): every element is in it with its docs, so editors, Storybook's controls and
 * a reseller's developer see each attribute, property, event, slot, part and custom property.
 */

let manifest: Package;
before(async () => {
  manifest = await analyzeKit();
});

describe('the custom elements manifest', () => {
  test('lists every element of the kit, and package.json names it', () => {
    assert.deepEqual(manifestTags(manifest), kitElements().map((e) => e.tag));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'), 'and it ships in the package');
  });

  for (const element of kitElements()) {
    test(`documents <${element.tag}>: summary, attributes, properties, events, slots, parts, custom properties`, () => {
      assert.deepEqual(undocumented(manifest, element.tag, element.file, ROOT), []);
    });
  }

  test('events carry their name and their class; attributes their property', () => {
    const form = declarationOf(manifest, 'bp-payment-form')!;
    const success = form.events?.find((e) => e.name === 'bp-payment-success');
    assert.equal(success?.type?.text, 'BpPaymentSuccessEvent');
    assert.equal(form.events?.filter((e) => e.name === 'bp-payment-success').length, 1, 'listed once');
    assert.equal(declarationOf(manifest, 'bp-ticket-thread')!.attributes?.find((a) => a.name === 'ticket-number')?.fieldName, 'ticketNumber');
  });

  test('an element with its docs missing is reported, each gap by name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bp-cem-'));
    try {
      copyFileSync(join(ROOT, 'custom-elements-manifest.config.mjs'), join(root, 'custom-elements-manifest.config.mjs'));
      // A project of its own (without a package.json the analyzer looks for one up to / and hangs).
      writeFileSync(join(root, 'package.json'), '{ "name": "sparse", "type": "module" }');
      mkdirSync(join(root, 'components', 'sparse'), { recursive: true });
      const file = 'components/sparse/sparse.ts';
      writeFileSync(
        join(root, file),
        `import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
/**
 * @summary A widget with half its docs.
 * @csspart body - The body.
 */
@customElement('bp-sparse')
export class BpSparse extends LitElement {
  static override styles = css\`:host { gap: var(--bp-sparse-gap, 1rem); }\`;
  /** Documented. */
  @property() label = '';
  @property({ type: Number }) count = 0;
  override render() {
    return html\`<div part="body"><slot name="extra"></slot><span part="badge">\${this.count}</span></div>\`;
  }
}
`,
      );
      const sparse = await analyzeKit(root);
      assert.deepEqual(undocumented(sparse, 'bp-sparse', file, root).sort(), [
        'attribute count: no description',
        'custom property --bp-sparse-gap: used but not documented',
        'part badge: used but not documented',
        'property count: no description',
        'slot extra: used but not documented',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
