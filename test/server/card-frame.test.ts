import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cardFrameRoutes } from '../../server/card-frame/routes.ts';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';

/** The card frame's page as the form asks for it: its look comes in the query, checked value by value. */
const HOST = 'https://shop.example.com';
const frame = cardFrameRoutes({ apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake' }, new Set([HOST]));
const page = async (look: Record<string, string>) => {
  const res = await frame.request(`/card-frame?${new URLSearchParams({ origin: HOST, ...look })}`);
  assert.equal(res.status, 200);
  return res.text();
};
const rootStyle = (body: string) => /:root \{([^}]*)\}/.exec(body)![1]!;

describe('the card frame takes the form’s look', () => {
  test('fonts, sizes, radii and colours measured on the form become its custom properties, light or dark', async () => {
    const css = rootStyle(
      await page({ theme: 'dark', font: 'Georgia, "Times New Roman", serif', 'field-height': '41.5px', radius: '2px', 'field-bg': 'rgb(34, 40, 49)', text: 'rgb(232, 236, 241)', 'label-weight': '700' }),
    );
    assert.match(css, /color-scheme: dark;/);
    assert.match(css, /--font: Georgia, Times New Roman, serif;/);
    assert.match(css, /--field-height: 41\.5px;/);
    assert.match(css, /--radius: 2px;/);
    assert.match(css, /--field-bg: rgb\(34, 40, 49\);/);
    assert.match(css, /--label-weight: 700;/);
  });

  test('without a look it has the light defaults, and the dark ones for theme=dark: never a white block in dark mode', async () => {
    assert.match(rootStyle(await page({})), /--field-bg: #ffffff;/);
    assert.match(rootStyle(await page({ theme: 'dark' })), /--field-bg: #222831;/);
  });

  test('a value that could end the declaration or load something is refused for the default', async () => {
    const css = rootStyle(
      await page({
        text: 'red; } body { background: url(https://evil.example/x) } :root {',
        'field-bg': 'rgb(0,0,0)) url(x',
        font: 'x; background: url(y)',
        radius: '4px; color: red',
        'label-weight': 'bold',
      }),
    );
    assert.doesNotMatch(css, /evil|url|red|bold/);
    assert.match(css, /--text: #1b1f24;/);
    assert.match(css, /--field-bg: #ffffff;/);
    assert.match(css, /--radius: 4px;/);
    assert.match(css, /--label-weight: 600;/);
  });
});

describe('the card frame speaks the payment form’s language', () => {
  test('lang=fr: French labels and the French messages its script shows; an unknown lang is English', async () => {
    const french = await page({ lang: 'fr' });
    assert.match(french, /<html lang="fr">/);
    for (const label of ['Prénom sur la carte', 'Numéro de carte', 'Expiration', 'Code de sécurité de la carte']) assert.ok(french.includes(label), label);
    const messages = JSON.parse(/data-messages="([^"]*)"/.exec(french)![1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'")) as Record<string, string>;
    assert.equal(messages.expired, 'Cette carte est expirée.');
    const other = await page({ lang: '"><script>x</script>' });
    assert.match(other, /<html lang="en">/);
    assert.ok(other.includes('Card number') && !other.includes('<script>x'));
  });
});
