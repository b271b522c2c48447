/**
 * The custom elements manifest (`npm run analyze` → custom-elements.json; Storybook and the docs
 * test make it in memory the same way, see kit/manifest.ts), from the elements' JSDoc: @summary,
 * @fires, @slot, @csspart, @cssproperty, and each property's own comment.
 */
export default {
  globs: ['components/**/*.ts'],
  // Its `customElements.define(element.tag, …)` registers the elements named by their classes.
  exclude: ['components/base/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself (`customElements`).
  packagejson: false,
  plugins: [tagNames(), internalState(), eventClasses()],
};

/**
 * An element names its tag in `static readonly tag = 'bp-…'` and is registered by the kit's
 * entries (kit/build.ts), not by a `customElements.define` the analyzer would see.
 */
function tagNames() {
  return {
    name: 'bp-tag-names',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const tag = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'tag' && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword));
      if (!tag?.initializer || !ts.isStringLiteral(tag.initializer)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      Object.assign(declaration, { tagName: tag.initializer.text, customElement: true });
      // The tag and the elements it shows are for registering, not for users.
      declaration.members = declaration.members?.filter((m) => !(m.static && (m.name === 'tag' || m.name === 'elements')));
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.initializer.text, declaration: { name: declaration.name, module: moduleDoc.path } }];
    },
  };
}

/**
 * A `static properties` entry with `state: true` is internal state: no attribute. The analyzer's
 * Lit support only knows `attribute: false`, so it would list every state as an attribute.
 */
function internalState() {
  return {
    name: 'bp-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name?.getText());
      const properties = node.members.find((m) => m.name?.getText() === 'properties' && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword));
      if (!declaration || !properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
      const states = new Set(
        properties.initializer.properties
          .filter((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer))
          .filter((p) => p.initializer.properties.some((o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword))
          .map((p) => p.name.getText()),
      );
      declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName));
      for (const member of declaration.members ?? []) if (states.has(member.name)) delete member.attribute;
    },
  };
}

/**
 * The kit's events are classes (`new BpPaymentSuccessEvent(…)`) whose name is their static
 * `eventName`. The analyzer records such a dispatch with the class but no name, beside the
 * @fires line that names it: this gives each event its name and its class, once.
 */
function eventClasses() {
  return {
    name: 'bp-event-classes',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((m) => m.declarations ?? []);
      const nameOf = new Map();
      for (const d of declarations) {
        const field = d.kind === 'class' && d.members?.find((m) => m.static && m.name === 'eventName');
        const name = field && /^['"](.+)['"]$/.exec(field.default ?? '')?.[1];
        if (name) nameOf.set(d.name, name);
      }
      const classOf = new Map([...nameOf].map(([cls, name]) => [name, cls]));
      for (const d of declarations) {
        if (!d.events) continue;
        const byName = new Map();
        for (const event of d.events) {
          const name = event.name ?? nameOf.get(event.type?.text);
          if (!name) continue;
          const merged = { ...byName.get(name), ...event, name };
          merged.description ||= byName.get(name)?.description;
          if (!merged.description) delete merged.description;
          const cls = classOf.get(name);
          if (cls) merged.type = { text: cls };
          byName.set(name, merged);
        }
        d.events = [...byName.values()];
      }
    },
  };
}
