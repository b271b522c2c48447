import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { brandDeclarations, THEME_BRANDS, type ThemeBrandId } from '../demo/brands.ts';

/**
 * Storybook's Brand toolbar: every story drawn inside a wrapper that sets a brand's global
 * tokens (demo/brands.ts), as a reseller's page does on any ancestor of the elements. The
 * wrapper paints the brand's surface, so a dark-surfaced brand is seen on its own page.
 */
export const brandGlobalTypes = {
  brand: {
    description: 'The brand: global tokens set on a wrapper around the story',
    toolbar: {
      title: 'Brand',
      icon: 'paintbrush',
      items: Object.entries(THEME_BRANDS).map(([value, brand]) => ({ value, title: brand.name })),
      dynamicTitle: true,
    },
  },
};

export const brandDecorator: Decorator = (story, context) => {
  const id = (context.globals.brand ?? 'provider') as ThemeBrandId;
  if (!(id in THEME_BRANDS) || id === 'provider') return story();
  return html`<div data-brand=${id} style="${brandDeclarations(id)} background: var(--bp-surface); color: var(--bp-text); padding: 1rem;">${story()}</div>`;
};
