import { reportCsv, runReport } from '../../services/reports/reports.ts';
import { createAccountResource } from '../account-router.ts';
import { report } from './routes.ts';

/** CSV when asked by `format=csv`, or by an Accept header that names text/csv before JSON. */
function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv !== -1 && (json === -1 || csv < json);
}

/** The reports of an account: JSON, or the same numbers as a CSV download. */
export const reportHandlers = createAccountResource().openapi(report, (c) => {
  const { db, now } = c.var.deps;
  const { report: name } = c.req.valid('param');
  const query = c.req.valid('query');
  if (!wantsCsv(query.format, c.req.header('Accept'))) return c.json(runReport(db, c.var.account, name, query, now()), 200);
  const { fileName, body } = reportCsv(db, c.var.account, name, query, now());
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'private, no-store',
  });
});
