import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from './locale-codes.ts';

/**
 * The kit's languages (runtime @lit/localize): English is the source, French and Spanish are
 * loaded on demand, each a chunk of its own. `en-XA` is a pseudo-locale (every string marked and
 * lengthened) for finding strings that are not localized, and for checking longer text fits.
 *
 * Each element reads its language from `lang`: its own, else its closest ancestor's across
 * shadow roots, else the page's `<html lang>`. @lit/localize has one active locale per page, so
 * the kit does too: the language last asked for (an element connected, a `lang` changed, the
 * user's choice in the portal) is the one every element shows. Unknown languages show English.
 */

export type KitLocale = typeof sourceLocale | (typeof targetLocales)[number];

const loaders: Record<Exclude<KitLocale, 'en'>, () => Promise<LocaleModule>> = {
  fr: () => import('./locales/fr.ts'),
  es: () => import('./locales/es.ts'),
  'en-XA': () => import('./locales/en-XA.ts'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as Exclude<KitLocale, 'en'>](),
});

/** The languages a user can choose, with their names in themselves. */
export const LANGUAGES: { code: 'en' | 'fr' | 'es'; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
];

/** "fr-CA" → "fr", "es" → "es", "en-XA" → the pseudo-locale, anything else → "en". */
export function localeOf(lang: string | null | undefined): KitLocale {
  const tag = (lang ?? '').trim();
  if (/^en-XA$/i.test(tag)) return 'en-XA';
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'es' ? base : 'en';
}

/** The `lang` that applies to an element: its own or its closest ancestor's, through shadow roots up to the page. */
export function langOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang && withLang.getAttribute('lang')) return withLang.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || '';
}

/** The language tag numbers and dates are formatted in ("fr-CA" keeps Canadian French formats). */
let formatTag = 'en';

/** The locale `Intl` formats in: the language tag of the active locale. */
export const formatLocale = (): string => (getLocale() === 'en-XA' ? 'en' : formatTag);

/** The active locale (one for the page). */
export const activeLocale = (): KitLocale => getLocale() as KitLocale;

const canonical = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

/** Switches the whole kit to a language tag's locale; resolves when the elements can render in it. */
export function useLanguage(lang: string): Promise<void> {
  const locale = localeOf(lang);
  formatTag = locale === 'en-XA' || (locale === 'en' && !/^en\b/i.test(lang)) ? 'en' : canonical(lang) ?? locale;
  return setLocale(locale).catch(() => setLocale(sourceLocale));
}

/** The language the server should write in for this page (`Accept-Language` of the kit's requests). */
export const serverLanguage = (): 'en' | 'fr' | 'es' => {
  const locale = getLocale();
  return locale === 'fr' || locale === 'es' ? locale : 'en';
};

/** Resolves once the locale asked for last is loaded (tests, stories). */
export const localeReady = (): Promise<void> => setLocale(getLocale());

let observer: MutationObserver | null = null;

/** A `lang` changed anywhere in the page (an element's own, the page's): every element looks again. */
function watchLang() {
  if (observer) return;
  observer = new MutationObserver((records) => {
    // The element whose lang changed decides the page's language (the latest change wins).
    const changed = records.map((r) => r.target).find((t): t is Element => t instanceof Element);
    if (changed) void useLanguage(langOf(changed));
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

// The page's own lang counts from the start, even before an element connects.
if (typeof document !== 'undefined') watchLang();

/**
 * Makes an element follow the kit's language: asks for the language of its `lang` when it
 * connects, and renders again when a locale is ready. Add one to each element (`new
 * LocaleController(this)`); base classes already have one.
 */
export class LocaleController implements ReactiveController {
  private readonly onStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    watchLang();
    window.addEventListener(LOCALE_STATUS_EVENT, this.onStatus);
    const lang = langOf(this.host);
    if (localeOf(lang) !== getLocale() || lang !== formatTag) void useLanguage(lang);
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onStatus);
  }
}
