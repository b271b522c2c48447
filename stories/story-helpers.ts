import type { StoryObj } from '@storybook/web-components-vite';
import type { Me } from '../components/api/types.ts';
import type { FakeApiOptions } from './fixtures/fake-api.ts';
import { elementStories, type ElementStoryOptions, type HostArgs } from './element-story.ts';

/**
 * A story in another language: the toolbar's Language global (a decorator puts the story inside
 * an element with that `lang`, as a host page does), with its name in that language.
 */
export const inLanguage = <S extends { name?: string; globals?: Record<string, unknown> }>(story: S, locale: 'fr' | 'es'): S => ({
  ...story,
  name: `${story.name ?? 'Populated'} — ${locale === 'fr' ? 'Français' : 'Español'}`,
  globals: { ...story.globals, locale },
});

/** Story settings for the dark theme: the canvas gets a dark page. */
export const onDarkPage: Pick<StoryObj, 'globals'> = { globals: { backgrounds: { value: 'dark' } } };

/** The args of an element's stories: the host's (api, width, lang) and any attribute or property of the element. */
export type ElementArgs = HostArgs & { theme?: 'light' | 'dark' | 'auto' } & Record<string, unknown>;
export type WidgetArgs = ElementArgs;

/** Requests for one account's data (not the session check). */
const ACCOUNT_ROUTES = /^\/api\/v1\/accounts\/[^/]+/;

/**
 * The meta of an account widget's stories, and the states every account widget has — loading,
 * error, populated, dark, and on a phone (320 px, light and dark) — with the widget inside
 * `<bp-provider>` over the fake API, the way a reseller's page places it. Each state is args
 * only: the element is drawn from them (element-story.ts), so its controls work in every state.
 */
export function accountWidgetStories(signedInAs: Me, options: Partial<ElementStoryOptions> = {}) {
  const story = (api: FakeApiOptions, theme: 'light' | 'dark' = 'light', width?: number): StoryObj<ElementArgs> => ({
    args: { api: { signedInAs, ...api }, theme, ...(width ? { width } : {}) },
    ...(theme === 'dark' ? onDarkPage : {}),
  });
  return {
    meta: elementStories<ElementArgs>({ host: 'provider', ...options }),
    Loading: story({ hangPaths: ACCOUNT_ROUTES }),
    Error: story({ offlinePaths: ACCOUNT_ROUTES }),
    Populated: story({}),
    Dark: story({}, 'dark'),
    /** 320 px wide: tables stack into rows, the form takes one column. */
    Phone: story({}, 'light', 320),
    PhoneDark: story({}, 'dark', 320),
    French: inLanguage(story({}), 'fr'),
    /** Spanish on a phone: the longer words must still fit. */
    SpanishPhone: inLanguage({ ...story({}, 'light', 320), name: 'Phone' }, 'es'),
  };
}
