import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { accounts } from '../../server/db/schema.ts';
import { ConfigError, loadConfig } from '../../server/env.ts';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('the configuration was accepted');
};

test('a bad setting stops the server with a message that names the variable', () => {
  assert.match(refusal({ PORT: 'abc' }), /PORT/);
  assert.match(refusal({ PORT: '70000' }), /PORT/);
  assert.match(refusal({ ALLOWED_ORIGINS: 'shop.example.com/path' }), /ALLOWED_ORIGINS/);
  assert.match(refusal({ PROVIDER_API_KEY: 'short' }), /PROVIDER_API_KEY/);
  assert.match(refusal({ SESSION_IDLE_MINUTES: '-5' }), /SESSION_IDLE_MINUTES/);
  assert.match(refusal({ ANET_API_LOGIN_ID: 'login-only' }), /ANET_API_LOGIN_ID, ANET_TRANSACTION_KEY and ANET_CLIENT_KEY: set all three/);
  assert.match(refusal({ ANET_ENV: 'staging' }), /ANET_ENV: must be sandbox or production/);
  assert.equal(loadConfig({}).port, 8787, 'nothing set: the defaults');
  assert.equal(loadConfig({}).anet, null, 'no credentials: the fake gateway');
  assert.deepEqual(loadConfig({ ANET_API_LOGIN_ID: 'a', ANET_TRANSACTION_KEY: 'b', ANET_CLIENT_KEY: 'c' }).anet, { apiLoginId: 'a', transactionKey: 'b', clientKey: 'c', environment: 'sandbox' });
});

/** Runs the provider CLI on its own database file. */
function portal(databasePath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false', OUTBOX_DIR: join(databasePath, '..', 'outbox') },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

test('the CLI answers bad arguments with its usage and exit code 2, and bad input with 1, writing nothing', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const none = portal(path);
  assert.equal(none.code, 2);
  assert.match(none.out, /Usage: npm run portal -- <command>/);

  const unknown = portal(path, 'frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.out, /Unknown command "frobnicate"/);

  const missing = portal(path, 'create-account', '--number', 'C777777', '--bogus-flag', 'x');
  assert.equal(missing.code, 2);
  assert.match(missing.out, /create-account --number/);

  const invalid = portal(path, 'create-account', '--number', 'not a number', '--name', 'X', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.notEqual(invalid.code, 0);
  assert.match(invalid.out, /number/i);

  const created = portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.equal(created.code, 0, created.out);
  const again = portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.equal(again.code, 1, 'the number is taken');
  assert.deepEqual(openDatabase(path).select({ number: accounts.number }).from(accounts).all(), [{ number: 'C777777' }], 'only the good one was written');
});
