import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';

test('zopfli leaves the process its own error handling: no uncaughtException or unhandledRejection handler of its own stays', async () => {
  const before = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
  // Imported here, after counting: loading the module is part of what is checked.
  const { gzipKitFile } = await import('../../kit/precompress.ts');
  const text = 'export const kit = "billing-portal-kit";\n'.repeat(50);
  const gzipped = await gzipKitFile(text);
  assert.equal(gunzipSync(gzipped).toString('utf8'), text, 'standard gzip');
  assert.deepEqual([process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')], before);
});
