import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { Db } from '../../server/db/client.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';

/**
 * Billing data for the tests, as the CSV files a provider imports: three customers (C100001 with
 * a location, a voice plan and seats; C100002 with a seat; C100003 with nothing yet) and head
 * office C200000 with its location C200001 (as in helpers.ts), which has seats.
 */
export const FILES = {
  accounts: `number,name,address_line1,city,region,postal_code,tax_rate_percent,parent
C100001,Solo Dental,1 Main St,Reno,NV,89501,5,
C100002,Quiet Co,2 Main St,Reno,NV,89501,,
C100003,Nothing Yet Inc,3 Main St,Reno,NV,89501,,
C200000,Head Office Inc,4 Main St,Reno,NV,89501,,
C200001,Head Office — East,5 Main St,Reno,NV,89501,,C200000
`,
  locations: `account,code,name,address_line1,city,region,postal_code,tax_rate_percent
C100001,HQ,Reno office,1 Main St,Reno,NV,89501,10
`,
  products: `code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute
VOIP-10K,"VoIP Business 10,000",plan,89.95,10000,CAN/US/PR/MEX/UK,0.025
SEAT,Hosted PBX seat,addon,14.00,,,
`,
  'usage-rates': `category,rate_per_minute
INTL,0.12
`,
  subscriptions: `id,account,location,product,quantity,start_date,end_date,subscriber_number,subscriber_name
S-1,C100001,HQ,VOIP-10K,1,2026-01-01,,001835,Reception
S-2,C100001,HQ,SEAT,2,2026-10-31,,,
S-3,C100002,,SEAT,1,2026-01-01,,,
S-4,C200001,,SEAT,2,2026-01-01,,,
`,
};
export const USAGE_HEADER = 'id,account,subscriber,start,duration_seconds,from,to,category\n';
export const cdr = (id: string, start: string, seconds: number, category = 'CAN/US/PR/MEX/UK', account = 'C100001', line = '001835') =>
  `${id},${account},${line},${start},${seconds},${line},+14155550100,${category}\n`;

export async function load(db: Db, kind: string, csv: string) {
  const report = await importCsv(db, importKind(kind)!, Readable.from([csv]));
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  return report;
}


/** Imports every file but usage into `db`. */
export async function loadBillingData(db: Db): Promise<void> {
  for (const [kind, csv] of Object.entries(FILES)) await load(db, kind, csv);
}
