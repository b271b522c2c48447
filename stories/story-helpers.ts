import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Me } from '../components/api/types.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';

/** Story settings for the dark theme: the canvas gets a dark page. */
export const onDarkPage: Pick<StoryObj, 'globals'> = { globals: { backgrounds: { value: 'dark' } } };

export interface WidgetArgs {
  api: FakeApiOptions;
  theme: 'light' | 'dark';
}

/** Requests for one account's data (not the session check). */
const ACCOUNT_ROUTES = /^\/api\/v1\/accounts\/[^/]+/;

/**
 * The states every account widget has — loading, error, populated, dark — with the widget inside
 * `<bp-provider>` over the fake API, the way a reseller's page places it.
 */
export function accountWidgetStories(widget: (theme: WidgetArgs['theme']) => TemplateResult, signedInAs: Me) {
  const story = (api: FakeApiOptions, theme: WidgetArgs['theme'] = 'light'): StoryObj<WidgetArgs> => ({
    args: { api: { signedInAs, ...api }, theme },
    ...(theme === 'dark' ? onDarkPage : {}),
  });
  return {
    render: ({ api, theme }: WidgetArgs) => html`<bp-provider .fetcher=${createFakeApi(api).fetch}>${widget(theme)}</bp-provider>`,
    Loading: story({ hangPaths: ACCOUNT_ROUTES }),
    Error: story({ offlinePaths: ACCOUNT_ROUTES }),
    Populated: story({}),
    Dark: story({}, 'dark'),
  };
}
