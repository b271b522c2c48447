import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Me } from '../components/api/types.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';

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

export interface WidgetArgs {
  api: FakeApiOptions;
  theme: 'light' | 'dark';
  /** The width the host page gives the widget (a phone: 320). */
  width?: number;
}

/** Requests for one account's data (not the session check). */
const ACCOUNT_ROUTES = /^\/api\/v1\/accounts\/[^/]+/;

/**
 * The states every account widget has — loading, error, populated, dark, and on a phone (320 px,
 * light and dark) — with the widget inside `<bp-provider>` over the fake API, the way a
 * reseller's page places it.
 */
export function accountWidgetStories(widget: (theme: WidgetArgs['theme']) => TemplateResult, signedInAs: Me) {
  const story = (api: FakeApiOptions, theme: WidgetArgs['theme'] = 'light', width?: number): StoryObj<WidgetArgs> => ({
    args: { api: { signedInAs, ...api }, theme, ...(width ? { width } : {}) },
    ...(theme === 'dark' ? onDarkPage : {}),
  });
  return {
    render: ({ api, theme, width }: WidgetArgs) =>
      html`<div style=${width ? `width: ${width}px` : ''}><bp-provider .fetcher=${createFakeApi(api).fetch}>${widget(theme)}</bp-provider></div>`,
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
