import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Me } from '../components/api/types.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';

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
  };
}
