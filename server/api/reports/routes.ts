import { createRoute, z } from '@hono/zod-openapi';
import { PRODUCT_TYPES } from '../../db/enums.ts';
import { accountErrors, accountParams, cents, errorResponse } from '../common.ts';

/** The guide's six reports, in its order. */
export const REPORT_NAMES = ['usage', 'subscribers', 'usage-details', 'ytd-all-in', 'ytd-fixed', 'ytd-usage'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const YTD_REPORTS = ['ytd-all-in', 'ytd-fixed', 'ytd-usage'] as const satisfies readonly ReportName[];

/** The longest period a report covers, in months. */
export const MAX_REPORT_MONTHS = 36;
/** Calls on one page of Usage Details, at most. */
export const MAX_DETAIL_ROWS = 500;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthParam = (description: string) => z.string().regex(MONTH, 'Use a month like 2026-10.').openapi({ description, example: '2026-10' });
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** A Usage Details cursor: the time and id of the last call of the page before. */
export const CURSOR = /^(\d{1,12})-(\d{1,15})$/;

const ReportQuerySchema = z
  .object({
    from: monthParam('First month, `YYYY-MM` (whole months; with `to`). Default: this month (YTD reports: January).').optional(),
    to: monthParam('Last month, `YYYY-MM`, at most 36 months after `from`.').optional(),
    year: z
      .string()
      .regex(/^2\d{3}$/, 'Use a year like 2026.')
      .optional()
      .openapi({ description: 'A calendar year instead of `from` and `to` (the current year: up to this month).', example: '2026' }),
    rollup: z.enum(['true', 'false'], { error: 'Use true or false.' }).optional().openapi({ description: 'A head office with all its sub-accounts.' }),
    format: z.enum(['json', 'csv'], { error: 'Use json or csv.' }).optional().openapi({ description: 'csv: the same rows as a CSV download (as with `Accept: text/csv`).' }),
    cursor: z.string().regex(CURSOR, 'Use the nextCursor of the page before.').optional().openapi({ description: 'Usage Details: where the page before ended.' }),
    limit: z.coerce
      .number({ error: 'Use a whole number.' })
      .int('Use a whole number.')
      .min(1, 'At least 1.')
      .max(MAX_DETAIL_ROWS, `At most ${MAX_DETAIL_ROWS} per page.`)
      .optional()
      .openapi({ description: 'Usage Details: calls per page (default 50).' }),
    subscriber: z.string().max(40, 'At most 40 characters.').optional().openapi({ description: 'Usage Details: one line (subscriber #).' }),
    category: z.string().max(40, 'At most 40 characters.').optional().openapi({ description: 'Usage Details: one usage category.' }),
    q: z
      .string()
      .regex(/^\+?[0-9]{1,20}$/, 'Search by digits of a number.')
      .optional()
      .openapi({ description: 'Usage Details: calls from or to a number containing these digits.' }),
  })
  .superRefine((q, ctx) => {
    if (q.year !== undefined && (q.from !== undefined || q.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Give a year, or from and to, not both.' });
    }
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.from === undefined ? 'from' : 'to'], message: 'Give both from and to.' });
    }
    if (q.from && q.to && MONTH.test(q.from) && MONTH.test(q.to)) {
      const months = monthIndex(q.to) - monthIndex(q.from) + 1;
      if (months < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to comes before from.' });
      else if (months > MAX_REPORT_MONTHS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${MAX_REPORT_MONTHS} months.` });
    }
  });

export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const month = z.string().openapi({ example: '2026-10' });
const accountRef = z.object({ number: z.string(), name: z.string() });

/** What every report's reply says about itself. */
const reportHead = {
  account: z.string().openapi({ description: 'The account asked for.', example: 'C200100' }),
  rollup: z.boolean(),
  accounts: z.array(accountRef).openapi({ description: 'The accounts covered: the account, and with rollup its sub-accounts.' }),
  from: month,
  to: month,
  currency: z.string().openapi({ example: 'USD' }),
  uninvoicedMonths: z.array(month).openapi({ description: 'Months of the period not invoiced yet: their charges are not in the invoiced figures.' }),
};

const UsageRowSchema = z.object({
  month,
  account: z.string(),
  plan: z.string().nullable().openapi({ description: 'The voice plan whose pool the minutes draw on; null: a category no plan includes.' }),
  category: z.string().openapi({ example: 'CAN/US/PR/MEX/UK' }),
  usedMinutes: z.number().int(),
  includedMinutes: z.number().int().nullable(),
  overageMinutes: z.number().int().nullable(),
  charge: cents('Overage charge (plans) or the charge of every minute (categories).'),
  invoiced: z.boolean().openapi({ description: 'false: the month so far, rated at today’s prices.' }),
});

const UsageReportSchema = z
  .object({
    report: z.literal('usage'),
    ...reportHead,
    rows: z.array(UsageRowSchema),
    totals: z.object({ usedMinutes: z.number().int(), overageMinutes: z.number().int(), charge: cents('Invoiced months only.'), chargeSoFar: cents('Months not invoiced yet.') }),
  })
  .openapi('UsageReport');

const SubscriberRowSchema = z.object({
  account: z.string(),
  subscriberNumber: z.string().nullable().openapi({ description: 'null: the services of a location that bill no one line.' }),
  subscriberName: z.string().nullable(),
  location: z.string().nullable(),
  services: z.array(z.object({ product: z.string(), type: z.enum(PRODUCT_TYPES), quantity: z.number().int(), monthlyCharge: cents('Price × quantity.') })),
  quantity: z.number().int(),
  monthlyCharge: cents('The monthly fixed charge of the services.'),
  calls: z.number().int(),
  minutes: z.number().int(),
  charge: cents('Usage charges of the invoiced months.'),
});

const SubscribersReportSchema = z
  .object({
    report: z.literal('subscribers'),
    ...reportHead,
    rows: z.array(SubscriberRowSchema),
    totals: z.object({ monthlyCharge: z.number().int(), calls: z.number().int(), minutes: z.number().int(), charge: z.number().int() }),
  })
  .openapi('SubscribersReport');

const CallRowSchema = z.object({
  id: z.number().int(),
  account: z.string(),
  startedAt: z.string().openapi({ description: 'ISO 8601 in the account’s time zone (with its offset), or UTC.', example: '2026-10-05T08:15:00-07:00' }),
  subscriber: z.string(),
  from: z.string(),
  to: z.string(),
  category: z.string(),
  durationSeconds: z.number().int(),
  billedMinutes: z.number().int().openapi({ description: 'Started minutes.' }),
  chargeMillicents: z.number().int().nullable().openapi({ description: 'In 1/1000 cent (exact); null until the month that bills the call is invoiced.' }),
  billedIn: month.openapi({ description: 'The month whose invoice carries the call: its own, or a later one when it arrived late.' }),
});

const UsageDetailsSchema = z
  .object({
    report: z.literal('usage-details'),
    ...reportHead,
    timeZone: z.string().openapi({ example: 'America/Los_Angeles' }),
    rows: z.array(CallRowSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
    totals: z
      .object({ calls: z.number().int(), minutes: z.number().int(), charge: cents('Invoiced months only.') })
      .nullable()
      .openapi({ description: 'Of the whole period and filters (null with a number search).' }),
  })
  .openapi('UsageDetailsReport');

const ytdRow = { month, amount: cents('Invoiced in the month.'), lastYear: cents('The same month a year before.'), change: z.number().nullable().openapi({ description: 'Percent; null when last year is 0.' }) };
const ytdHead = {
  ...reportHead,
  totals: z.object({ amount: z.number().int(), lastYear: z.number().int(), change: z.number().nullable() }),
  soFar: z
    .array(z.object({ month, amount: z.number().int(), fixed: z.number().int(), usage: z.number().int() }))
    .openapi({ description: 'Months not invoiced yet, so far: usage rated at today’s prices and the month’s fixed charges, before tax. Never in totals.' }),
};

const YtdAllInSchema = z
  .object({
    report: z.literal('ytd-all-in'),
    ...ytdHead,
    rows: z.array(z.object({ ...ytdRow, fixed: z.number().int(), usage: z.number().int(), other: cents('Taxes, late fees and adjustments.') })),
  })
  .openapi('YtdAllInReport');

const ytdReport = <N extends 'ytd-fixed' | 'ytd-usage'>(name: N, title: string) =>
  z.object({ report: z.literal(name), ...ytdHead, rows: z.array(z.object(ytdRow)) }).openapi(title);

const ReportSchema = z.discriminatedUnion('report', [
  UsageReportSchema,
  SubscribersReportSchema,
  UsageDetailsSchema,
  YtdAllInSchema,
  ytdReport('ytd-fixed', 'YtdFixedReport'),
  ytdReport('ytd-usage', 'YtdUsageReport'),
]);
export type Report = z.infer<typeof ReportSchema>;

export const report = createRoute({
  method: 'get',
  path: '/accounts/{number}/reports/{report}',
  tags: ['Reports'],
  summary: 'One of the guide’s reports for a period, as JSON or CSV',
  description:
    'Usage, Subscribers, Usage Details (paged by cursor; its CSV is the whole period, streamed), YTD All In Spend, YTD Fixed Spend and YTD Usage. ' +
    'Months are those of the invoices (a call imported after its month was billed is in the month whose invoice carries it). ' +
    'CSV (`format=csv` or `Accept: text/csv`): a header row, then the rows on screen, amounts as decimals.',
  request: {
    params: accountParams.extend({
      report: z.enum(REPORT_NAMES, { error: `Use one of: ${REPORT_NAMES.join(', ')}.` }).openapi({ param: { name: 'report', in: 'path' }, example: 'usage' }),
    }),
    query: ReportQuerySchema,
  },
  responses: {
    200: {
      content: { 'application/json': { schema: ReportSchema }, 'text/csv': { schema: z.string() } },
      description: 'The report.',
    },
    ...accountErrors,
    400: errorResponse('Unknown report, bad period (a range over 36 months), bad cursor or filter: `issues` names the parameter.'),
  },
});
