import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { DomainError } from '../services/errors.ts';
import { hashSecret } from './crypto.ts';

/**
 * Route middleware for the provider API: `Authorization: Bearer <PROVIDER_API_KEY>` (or
 * `X-Api-Key`). Customer sessions never pass. With no key configured the API is closed.
 */
export const providerKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.get('deps').config.providerApiKey;
  const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? c.req.header('x-api-key');
  // Compare digests, so neither the length nor the content leaks through timing.
  const ok = !!expected && !!given && timingSafeEqual(Buffer.from(hashSecret(given)), Buffer.from(hashSecret(expected)));
  if (!ok) throw new DomainError('UNAUTHENTICATED', 'The provider API needs a valid API key.');
  await next();
};
