import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { gzipKitFile } from '../../kit/precompress.ts';

test('zopfli leaves the process its own error handling: no uncaughtException or unhandledRejection handler of its own stays', async () => {
  const before = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
  const text = 'export const kit = "billing-portal-kit";\n'.repeat(50);
  const gzipped = await gzipKitFile(text);
  assert.equal(gunzipSync(gzipped).toString('utf8'), text, 'standard gzip');
  assert.deepEqual([process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')], before);
});
