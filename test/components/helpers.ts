import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { toRgb } from '../../components/styles/computed-colors.ts';
import { createFakeApi, FAKE_PASSWORD, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import type { BpPortal } from '../../components/portal/portal.ts';
import '../../components/register-all.ts';

export { FAKE_PASSWORD };

/** The element's shadow root, which every query of these tests goes through. */
export const shadow = (el: Element): ShadowRoot => {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
};

/** The visible text of an element's shadow tree, spaces collapsed. */
export const textOf = (el: Element | ShadowRoot): string =>
  ((el instanceof ShadowRoot ? [...el.children].map((c) => (c as HTMLElement).innerText ?? c.textContent).join(' ') : (el as HTMLElement).innerText) ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** A calendar date as the kit shows it in English: the month by name ("2026-11-01" → "Nov 1, 2026"). */
export const shownDate = (iso: string): string =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** Waits until `find` returns something truthy, then returns it. */
export async function waitFor<T>(find: () => T | null | undefined, message: string): Promise<T> {
  let found: T | null | undefined;
  await waitUntil(() => Boolean((found = find())), message, { timeout: 5000 });
  return found as T;
}

/** `<bp-portal>` over the fake API, once it has checked the session. */
export async function portalWith(options: FakeApiOptions = {}, attrs: { theme?: string } = {}) {
  const api = createFakeApi(options);
  const portal = await fixture<BpPortal>(html`<bp-portal .fetcher=${api.fetch} theme=${attrs.theme ?? 'light'}></bp-portal>`);
  await waitFor(() => !shadow(portal).querySelector('.loading'), 'the portal stopped loading');
  await portal.updateComplete;
  return { portal, api };
}

/** Fills the sign-in form inside `root` and submits it with the button. */
export async function signIn(login: Element, email: string, password = FAKE_PASSWORD) {
  const root = shadow(login);
  root.querySelector<HTMLInputElement>('#email')!.value = email;
  root.querySelector<HTMLInputElement>('#password')!.value = password;
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

/** The labels of the portal's navigation (without the counts beside some). */
export const navLabels = (portal: Element) =>
  [...shadow(portal).querySelectorAll('nav button')].map((b) =>
    [...b.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim(),
  );

/** The count beside a navigation label, as screen readers hear it ("(2 unread)"), or ''. */
export const navCount = (portal: Element, label: string) =>
  [...shadow(portal).querySelectorAll('nav button')].find((b) => b.textContent!.trim().startsWith(label))?.querySelector('.visually-hidden')?.textContent ?? '';

/** The WCAG contrast ratio of two computed colours (`rgb(…)`, `color(srgb …)`, any CSS colour). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = toRgb(color)
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** axe (every rule, colour contrast included) on `el` as it is, then again with `theme="dark"` on it and every element inside that has a theme. */
export async function expectAccessibleInBothThemes(el: Element & { updateComplete?: Promise<unknown> }) {
  await expect(el).to.be.accessible();
  const themed = [el, ...deepQueryAll(el, '[theme]')];
  const before = themed.map((e) => e.getAttribute('theme'));
  themed.forEach((e) => e.setAttribute('theme', 'dark'));
  await settle(themed);
  try {
    await expect(el).to.be.accessible();
  } finally {
    themed.forEach((e, i) => (before[i] === null ? e.removeAttribute('theme') : e.setAttribute('theme', before[i]!)));
    await settle(themed);
  }
}

const settle = (els: Element[]) => Promise.all(els.map((e) => (e as { updateComplete?: Promise<unknown> }).updateComplete));

/** Every element matching `selector` inside `root`'s light and shadow trees. */
export function deepQueryAll(root: Element | ShadowRoot, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      if (child.matches(selector)) found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return found;
}
