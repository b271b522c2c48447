import type { Report, ReportName } from '../../api/reports/routes.ts';

/** The reply of one report, as the contract publishes it. */
export type ReportOf<N extends ReportName> = Extract<Report, { report: N }>;
export type { Report, ReportName };
