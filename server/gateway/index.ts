import type { Config } from '../env.ts';
import { ANET_ENDPOINTS, createAuthorizeNetGateway, type AuthorizeNetGateway } from './authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from './fake/fake-authorize-net.ts';
import type { CardFrameConfig } from '../card-frame/routes.ts';

export interface StartedGateway {
  gateway: AuthorizeNetGateway;
  /** What the card frame hands to Accept.js. */
  cardFrame: CardFrameConfig;
  /** Where the fake listens, when it is the fake. */
  fakeUrl: string | null;
  close(): Promise<void>;
}

/**
 * The card gateway the configuration asks for: Authorize.Net itself with ANET_* credentials,
 * otherwise the local fake, started on loopback (for the demo and development).
 */
export async function startGateway(config: Config): Promise<StartedGateway> {
  if (config.anet) {
    const { apiLoginId, transactionKey, clientKey, environment } = config.anet;
    return {
      gateway: createAuthorizeNetGateway({ apiLoginId, transactionKey, endpoint: ANET_ENDPOINTS[environment], timeoutMs: config.gatewayTimeoutMs }),
      cardFrame: { apiLoginId, clientKey, environment },
      fakeUrl: null,
      close: async () => {},
    };
  }
  const fake = createFakeAuthorizeNet();
  const server = await fake.listen();
  return {
    gateway: createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: config.gatewayTimeoutMs }),
    cardFrame: { apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest },
    fakeUrl: server.url,
    close: server.close,
  };
}
