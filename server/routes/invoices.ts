import { createRouter } from '../http/context.ts';

/** Customer API: an account's invoices, their lines and PDFs (issue 3). */
export const invoiceRoutes = createRouter();
