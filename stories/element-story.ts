import type { ArgTypes, StoryContext } from '@storybook/web-components-vite';
import { html, noChange, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';

/**
 * Every story draws its element from its args, so a control changed in Storybook (or `&args=` in
 * the story's address) re-renders the element with that value. Which arg is an attribute, a
 * property or an event is what the custom elements manifest says: Storybook turns it into the
 * story's argTypes (`table.category`, `action`). Outside Storybook (the element tests render
 * the stories with args alone) the element's own Lit declarations, which the manifest is made
 * from, say the same. Args that are neither (`api`, `width`, a play function's input) belong to
 * the story: the fake API behind the element and the width of the page around it.
 */

/** What every element story may set besides the element's own attributes and properties. */
export interface HostArgs {
  /** The fake API the story's element talks to (over `<bp-provider>`, or its own `fetcher`). */
  api?: FakeApiOptions;
  /** The width the host page gives the element (a phone: 320). */
  width?: number;
  /** The element's language (the global `lang` attribute); unset: the page's (the Language toolbar). */
  lang?: string;
}

/** Controls of every element story that the manifest does not list. */
export const hostArgTypes: Partial<ArgTypes<HostArgs>> = {
  lang: {
    description: "The element's language (global attribute); unset: its ancestors', else the page's",
    control: 'select',
    options: ['en', 'fr', 'es', 'fr-CA', 'en-XA'],
    table: { category: 'attributes', type: { summary: 'string' } },
  },
  api: { description: 'The fake API behind the element (stories/fixtures/fake-api.ts)', table: { category: 'story' } },
  width: { description: 'Width of the host page around the element, in px', control: { type: 'number', min: 280, step: 10 }, table: { category: 'story' } },
};

type Kind = { attribute: string } | { property: string } | { event: string } | { cssProperty: string };

/** How an arg reaches the element: from the story's argTypes (the manifest), else Lit's declarations. */
function kindOf(element: Element, key: string, argTypes: ArgTypes | undefined): Kind | null {
  if (key === 'lang') return { attribute: 'lang' };
  const argType = argTypes?.[key];
  if (argType) {
    const action = (argType as { action?: { name?: string } | string }).action;
    if (action && typeof action === 'object' && action.name) return { event: action.name };
    const category = argType.table?.category;
    if (category === 'attributes') return { attribute: key };
    if (category === 'properties') return { property: key };
    if (category === 'css custom properties') return { cssProperty: key };
  }
  // Not in the manifest (the element tests have none): a reactive property by its name or its attribute's.
  const declared = (customElements.get(element.localName) as typeof ReactiveElement | undefined)?.elementProperties;
  for (const [name, options] of declared ?? []) {
    if (options.state || typeof name !== 'string') continue;
    const attribute = options.attribute === false ? null : typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
    if (key === name || key === attribute) return { property: name };
  }
  return null;
}

/** Sets an element's attributes, properties, custom properties and event handlers from args; takes back what an arg no longer sets. */
class ElementArgs extends Directive {
  private attributes = new Set<string>();
  private cssProperties = new Set<string>();
  private listeners = new Map<string, EventListener>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementArgs goes on an element: <bp-x ${elementArgs(args)}>');
  }

  render(_args: Record<string, unknown>, _argTypes?: ArgTypes) {
    return noChange;
  }

  override update(part: ElementPart, [args, argTypes]: [Record<string, unknown>, ArgTypes | undefined]) {
    const element = part.element as Element & Record<string, unknown>;
    const attributes = new Set<string>();
    const cssProperties = new Set<string>();
    const listeners = new Map<string, EventListener>();
    for (const [key, value] of Object.entries(args)) {
      const kind = kindOf(element, key, argTypes);
      if (!kind) continue;
      if ('attribute' in kind) {
        if (value === undefined || value === null || value === false || value === '') continue;
        attributes.add(kind.attribute);
        const text = value === true ? '' : String(value);
        if (element.getAttribute(kind.attribute) !== text) element.setAttribute(kind.attribute, text);
      } else if ('property' in kind) {
        if (element[kind.property] !== value) element[kind.property] = value;
      } else if ('cssProperty' in kind) {
        if (typeof value !== 'string' || !value) continue;
        cssProperties.add(kind.cssProperty);
        (element as unknown as HTMLElement).style.setProperty(kind.cssProperty, value);
      } else if (typeof value === 'function') {
        listeners.set(kind.event, value as EventListener);
      }
    }
    for (const name of this.attributes) if (!attributes.has(name)) element.removeAttribute(name);
    for (const name of this.cssProperties) if (!cssProperties.has(name)) (element as unknown as HTMLElement).style.removeProperty(name);
    for (const [event, listener] of this.listeners) if (listeners.get(event) !== listener) element.removeEventListener(event, listener);
    for (const [event, listener] of listeners) if (this.listeners.get(event) !== listener) element.addEventListener(event, listener);
    this.attributes = attributes;
    this.cssProperties = cssProperties;
    this.listeners = listeners;
    return noChange;
  }
}

/** `<bp-x ${elementArgs(args, argTypes)}>`: the element takes its attributes, properties and events from args. */
export const elementArgs = directive(ElementArgs);

// One fake API per story and options: a control changed re-renders the element, not its server.
const fakeApis = new Map<string, ReturnType<typeof createFakeApi>>();
function fakeApiFor(options: FakeApiOptions, storyId = ''): ReturnType<typeof createFakeApi> {
  const key = `${storyId} ${JSON.stringify(options, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))}`;
  let api = fakeApis.get(key);
  if (!api) fakeApis.set(key, (api = createFakeApi(options)));
  return api;
}

export interface ElementStoryOptions {
  /**
   * Where the fake API goes: `provider`, a `<bp-provider>` around the element (a widget, as a
   * reseller's page places it); `fetcher`, the element's own `fetcher` (it is the provider).
   * Without `api` in the args the element stands alone (its data handed in as a property).
   */
  host: 'provider' | 'fetcher';
  /** Children of the element (from the args, for the same theme). */
  content?: (args: Record<string, unknown>) => TemplateResult;
  /** The element's own style (a portal's minimum height). */
  style?: string;
}

/**
 * Draws `tag` from the story's args and argTypes (the manifest): its attributes, properties,
 * events and `lang`, over the fake API of `args.api`, in a box `args.width` wide.
 */
export function renderElement(tag: string, options: ElementStoryOptions, args: Record<string, unknown> & HostArgs, context?: Partial<Pick<StoryContext, 'argTypes' | 'id'>>): TemplateResult {
  const { api, width, ...own } = args;
  const fake = api ? fakeApiFor(api, context?.id) : undefined;
  const elementOwn = options.host === 'fetcher' && fake ? { ...own, fetcher: fake.fetch } : own;
  const name = unsafeStatic(tag);
  const element = staticHtml`<${name} style=${options.style ?? nothing} ${elementArgs(elementOwn, context?.argTypes)}>${options.content?.(args) ?? ''}</${name}>`;
  const hosted = options.host === 'provider' && fake ? html`<bp-provider .fetcher=${fake.fetch}>${element}</bp-provider>` : element;
  return html`<div style=${width ? `width: ${width}px` : nothing}>${hosted}</div>`;
}

/**
 * What every element's stories share: the element (the meta's `component`, whose docs and
 * controls Storybook takes from the manifest) drawn from the args by renderElement, and the
 * host's controls (`lang`, `api`, `width`). The meta names its `title` and `component` itself,
 * where Storybook's indexer reads them.
 */
export function elementStories<A extends object = Record<string, unknown>>(options: ElementStoryOptions) {
  return {
    argTypes: hostArgTypes as Partial<ArgTypes<A>>,
    render: (args: A, context: StoryContext) => renderElement(String(context.component), options, args as Record<string, unknown>, context),
  };
}
