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

/**
 * Test command `fail-requests` ({ pattern }): the page's requests whose address contains
 * `pattern` fail as offline ones do, until `fail-requests` with no pattern (a module loaded on
 * demand that cannot be fetched).
 */
function failRequests() {
  /** Session id → the route failing in its page. */
  const failing = new Map();
  return {
    name: 'bp-fail-requests',
    async executeCommand({ command, payload, session }) {
      if (command !== 'fail-requests') return undefined;
      const page = session.browser.getPage(session.id);
      const last = failing.get(session.id);
      if (last) await page.unroute(last.match, last.abort);
      failing.delete(session.id);
      if (payload?.pattern) {
        const route = { match: (url) => url.href.includes(payload.pattern), abort: (r) => r.abort('internetdisconnected') };
        failing.set(session.id, route);
        await page.route(route.match, route.abort);
      }
      return true;
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
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), failRequests()],
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
