import { hash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** A fresh random secret for links and sessions: 256 bits, URL-safe. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store in place of a secret: its SHA-256, so a copy of the database yields nothing usable. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt: N=2^17, r=8, p=1 (about 128 MiB per hash). */
export const PASSWORD_HASH_PARAMS: ScryptParams = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, { log2N, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password as `scrypt$log2N$r$p$salt$key` so the parameters travel with the hash. */
export async function hashPassword(password: string, params: ScryptParams = PASSWORD_HASH_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

// Verifying against this when the user is unknown keeps failures equally slow either way.
const unknownUserHash = hashPassword('not-a-real-password', PASSWORD_HASH_PARAMS);

/** True when `password` matches `stored`; with no stored hash, spends the same time and says no. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? (await unknownUserHash)).split('$');
  const [scheme, log2N, r, p, salt, key] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { log2N: Number(log2N), r: Number(r), p: Number(p) });
  return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}
