import { fixture, html, waitUntil } from '@open-wc/testing';
import { createFakeApi, FAKE_PASSWORD, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import type { BpPortal } from '../../components/portal/portal.ts';
import '../../components/index.ts';

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
  await waitUntil(() => Boolean((found = find())), message, { timeout: 3000 });
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
