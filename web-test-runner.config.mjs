// Element tests in real Chromium (Debian's, or CHROMIUM_PATH). `npm test` runs them and reads
// the totals this config's reporter writes to BP_TEST_COUNTS_FILE.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';

/** Counts every test of the run (and every file that failed to load) for test/run.mjs. */
function countsReporter(file) {
  const walk = (suite, totals) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) continue;
      if (t.passed) totals.passed++;
      else totals.failed++;
    }
    for (const s of suite?.suites ?? []) walk(s, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        walk(session.testResults, totals);
        if (session.errors?.length && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  concurrency: 4,
  // Bounds, not speed figures: a loaded CI machine runs four pages at once on two cores.
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter(process.env.BP_TEST_COUNTS_FILE)],
};
