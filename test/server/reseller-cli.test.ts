import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resellerByKey } from '../../server/auth/reseller-key.ts';
import { openDatabase } from '../../server/db/client.ts';
import { createAccount } from '../../server/services/accounts.ts';

/** The provider's reseller commands, run as `npm run portal -- …` runs them, on a database file of their own. */

function portal(databasePath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false' },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

const keyIn = (out: string) => /^(bpr_\d+_[\w-]{43})$/m.exec(out)?.[1];

function freshDatabase() {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-resellers-')), 'portal.db');
  const db = openDatabase(path);
  const address = { addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' };
  createAccount(db, { number: 'C123456', name: 'Bayview', ...address });
  createAccount(db, { number: 'C200100', name: 'Cascade', ...address });
  const resellers = () => db.$client.prepare('select slug, name, brand_name as brandName, color_primary as colorPrimary, logo_type as logoType from resellers').all();
  return { path, db, resellers };
}

test('create-reseller records the reseller and prints its API key once; the key works, and only its hash is stored', () => {
  const { path, db, resellers } = freshDatabase();
  const logo = join(path, '..', 'logo.svg');
  writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
  const created = portal(path, 'create-reseller', '--name', 'Acme Telecom', '--origin', 'https://portal.acme.example', '--origin', 'https://acme.example/', '--accounts', 'C123456,c200100', '--logo', logo, '--color-primary', '#8A3B12', '--display-name', 'Acme');
  assert.equal(created.code, 0, created.out);
  assert.match(created.out, /Created reseller acme-telecom \(Acme Telecom\)\n {2}sites: {4}https:\/\/portal\.acme\.example https:\/\/acme\.example\n {2}accounts: C123456 C200100 \(and their sub-accounts\)/);
  const key = keyIn(created.out)!;
  assert.ok(key, 'the key is printed');
  assert.equal(resellerByKey(db, key)?.slug, 'acme-telecom', 'and it is the reseller’s key');
  assert.deepEqual(resellers(), [{ slug: 'acme-telecom', name: 'Acme Telecom', brandName: 'Acme', colorPrimary: '#8a3b12', logoType: 'image/svg+xml' }]);
  assert.ok(!JSON.stringify(db.$client.prepare('select * from resellers').all()).includes(key), 'the key is not stored');

  const listed = portal(path, 'list-resellers');
  assert.equal(listed.code, 0);
  assert.match(listed.out, /acme-telecom \(Acme Telecom\)/);
  assert.equal(keyIn(listed.out), undefined, 'the key is never shown again');

  const rotated = portal(path, 'rotate-reseller-key', '--reseller', 'acme-telecom');
  assert.equal(rotated.code, 0, rotated.out);
  const fresh = keyIn(rotated.out)!;
  assert.equal(resellerByKey(db, key), null, 'the old key stops working at once');
  assert.equal(resellerByKey(db, fresh)?.slug, 'acme-telecom');

  const updated = portal(path, 'update-reseller', '--reseller', 'acme-telecom', '--origin', 'https://billing.acme.example', '--accounts', 'C123456', '--display-name', '', '--logo', '');
  assert.equal(updated.code, 0, updated.out);
  assert.match(updated.out, /sites: {4}https:\/\/billing\.acme\.example\n {2}accounts: C123456 /);
  assert.deepEqual(resellers(), [{ slug: 'acme-telecom', name: 'Acme Telecom', brandName: null, colorPrimary: '#8a3b12', logoType: null }], 'an empty value clears');
  const actions = db.$client.prepare("select action from audit_log where action like 'reseller.%' order by id").pluck().all();
  assert.deepEqual(actions, ['reseller.created', 'reseller.key_rotated', 'reseller.updated']);
});

test('wrong arguments print the usage and exit 2; refused input (an unknown account, a taken name) exits 1; neither writes anything', () => {
  const { path, resellers } = freshDatabase();
  const notAnImage = join(path, '..', 'notes.txt');
  writeFileSync(notAnImage, 'hello');
  for (const [args, says] of [
    [['--name', 'Acme'], /--origin is required/],
    [['--name', 'Acme', '--origin', 'https://acme.example/billing'], /--origin each entry must be an origin/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--color-primary', 'brown'], /--color-primary must be a colour such as #8a3b12/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--support-email', 'help'], /--support-email must be an email address/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--logo', notAnImage], /--logo must be a PNG, JPEG, GIF, WebP or SVG image/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--logo', '/no/such/file.png'], /--logo: cannot read/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--accounts', 'not one'], /--accounts must be a letter/],
    [['--name', 'Acme', '--origin', 'https://acme.example', '--bogus'], /Unknown option '--bogus'/],
  ] as const) {
    const run = portal(path, 'create-reseller', ...args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.out}`);
    assert.match(run.out, says);
    assert.match(run.out, /Usage: npm run portal -- create-reseller --name/);
  }
  const unknown = portal(path, 'create-reseller', '--name', 'Acme', '--origin', 'https://acme.example', '--accounts', 'C123456,C999999');
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /No such account: C999999\./);
  assert.deepEqual(resellers(), [], 'nothing was written');

  assert.equal(portal(path, 'create-reseller', '--name', 'Acme', '--origin', 'https://acme.example', '--accounts', 'C123456').code, 0);
  const taken = portal(path, 'create-reseller', '--name', 'Other', '--origin', 'https://other.example', '--accounts', 'C123456');
  assert.equal(taken.code, 1);
  assert.match(taken.out, /Already sold by another reseller: C123456 \(acme\)/);
  assert.equal(portal(path, 'create-reseller', '--name', 'ACME', '--origin', 'https://other.example').code, 1, 'the short name is taken');
  assert.equal(portal(path, 'update-reseller', '--reseller', 'acme').code, 2, 'nothing to change');
  assert.equal(portal(path, 'update-reseller', '--reseller', 'nobody', '--name', 'X').code, 1);
  assert.equal(portal(path, 'rotate-reseller-key').code, 2);
  assert.equal(resellers().length, 1);
});
