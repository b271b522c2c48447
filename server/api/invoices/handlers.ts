import type { Context } from 'hono';
import { NotFoundError } from '../../services/errors.ts';
import { renderInvoicePdf } from '../../services/invoice-pdf.ts';
import { invoiceIssuer } from '../../services/resellers/brand.ts';
import { findInvoice, listInvoices as listPage } from '../../services/invoices.ts';
import { createAccountResource, type AccountEnv } from '../account-router.ts';
import { languageOf } from '../../services/user-language.ts';
import { invoice, invoicePdf, listInvoices } from './routes.ts';

// Statuses are derived from "today": the server's clock (tests move it).
const today = (c: Context<AccountEnv>) => new Date(c.get('deps').now()).toISOString().slice(0, 10);

function invoiceOf(c: Context<AccountEnv>, id: number) {
  const found = findInvoice(c.get('deps').db, c.get('account'), id, today(c));
  if (!found) throw new NotFoundError('The invoice');
  return found;
}

/** An account's invoices, their lines and PDFs. */
export const invoiceHandlers = createAccountResource()
  .openapi(listInvoices, (c) => c.json(listPage(c.get('deps').db, c.get('account'), c.req.valid('query'), today(c)), 200))
  .openapi(invoice, (c) => c.json(invoiceOf(c, c.req.valid('param').id), 200))
  .openapi(invoicePdf, (c) => {
    const found = invoiceOf(c, c.req.valid('param').id);
    const { config, db } = c.get('deps');
    // In the language of whoever downloads it.
    const body = renderInvoicePdf(found, invoiceIssuer(db, c.get('account').id, config), languageOf(db, c.get('user').id));
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${found.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });
