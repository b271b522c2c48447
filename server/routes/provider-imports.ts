import { createRouter } from '../http/context.ts';

/** Provider API: CSV imports of accounts, locations, subscriptions and usage (issue 3). */
export const providerImportRoutes = createRouter();
