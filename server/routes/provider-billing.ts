import { createRouter } from '../http/context.ts';

/** Provider API: the monthly billing run (issue 3). */
export const providerBillingRoutes = createRouter();
