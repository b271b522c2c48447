import { dirname, join } from 'node:path';
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
  /** The key webhook notifications are signed with (ANET_SIGNATURE_KEY, or the one the fake made at start). */
  webhookSignatureKey: string | null;
  close(): Promise<void>;
}

/**
 * The card gateway the configuration asks for: Authorize.Net itself with ANET_* credentials,
 * otherwise the local fake, started on loopback (for the demo and development).
 */
export async function startGateway(config: Config, options: { notifyServer?: boolean } = {}): Promise<StartedGateway> {
  if (config.anet) {
    const { apiLoginId, transactionKey, clientKey, environment } = config.anet;
    return {
      gateway: createAuthorizeNetGateway({ apiLoginId, transactionKey, endpoint: ANET_ENDPOINTS[environment], timeoutMs: config.gatewayTimeoutMs, currencies: config.gatewayCurrencies }),
      cardFrame: { apiLoginId, clientKey, environment },
      fakeUrl: null,
      webhookSignatureKey: config.anetSignatureKey,
      close: async () => {},
    };
  }
  // Its records sit beside the database file, so they outlive a restart and the CLI sees them.
  const statePath = config.databasePath === ':memory:' ? undefined : join(dirname(config.databasePath), 'fake-gateway.json');
  const fake = createFakeAuthorizeNet(FAKE_CREDENTIALS, statePath ? { statePath } : {});
  const server = await fake.listen();
  // The fake notifies the portal server of what it does, as Authorize.Net would, signed with a
  // key it made at start (or ANET_SIGNATURE_KEY): this process is the only other one that has it.
  const webhookSignatureKey = config.anetSignatureKey ?? fake.signatureKey;
  if (options.notifyServer !== false) fake.setWebhook({ url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/api/v1/webhooks/authorize-net`, signatureKey: webhookSignatureKey });
  return {
    gateway: createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: config.gatewayTimeoutMs, currencies: config.gatewayCurrencies }),
    cardFrame: { apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest },
    fakeUrl: server.url,
    webhookSignatureKey,
    close: server.close,
  };
}
