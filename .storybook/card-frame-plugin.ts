import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { cardFrameRoutes } from '../server/card-frame/routes.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../server/gateway/fake/fake-authorize-net.ts';

/**
 * Serves the portal's real card frame (/card-frame) from Storybook's dev server, with the fake
 * gateway's tokens, so bp-payment-form stories show and use the actual card fields. Only pages
 * on this machine may frame it.
 */
export function cardFramePlugin(): Plugin {
  const fake = createFakeAuthorizeNet();
  const local = { has: (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin) };
  const routes = cardFrameRoutes({ apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest }, local);
  const listener = getRequestListener(routes.fetch);
  return {
    name: 'bp-card-frame',
    configureServer(server) {
      server.middlewares.use((req, res, next) => (req.url?.startsWith('/card-frame') ? void listener(req, res) : next()));
    },
  };
}
