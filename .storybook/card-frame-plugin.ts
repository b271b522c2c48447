import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { cardFrameRoutes } from '../server/card-frame/routes.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../server/gateway/fake/fake-authorize-net.ts';

/**
 * The portal's real card frame (/card-frame) with the fake gateway's tokens, framable only by
 * pages on this machine: Storybook's dev server serves it (cardFramePlugin), and so does the
 * server the story test puts in front of the built Storybook.
 */
export function storybookCardFrame() {
  const fake = createFakeAuthorizeNet();
  const local = { has: (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin) };
  return cardFrameRoutes({ apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest }, local);
}

/** Serves the card frame from Storybook's dev server, so bp-payment-form stories show and use the actual card fields. */
export function cardFramePlugin(): Plugin {
  const listener = getRequestListener(storybookCardFrame().fetch);
  return {
    name: 'bp-card-frame',
    configureServer(server) {
      server.middlewares.use((req, res, next) => (req.url?.startsWith('/card-frame') ? void listener(req, res) : next()));
    },
  };
}
