import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { hashPassword } from '../auth/crypto.ts';
import { createReseller } from '../services/resellers/resellers.ts';
import type { BillingPolicy } from '../services/billing/billing-run.ts';
import type { Db } from './client.ts';
import { loadDemoHistory } from './demo-history.ts';
import { loadDemoTickets } from './demo-tickets.ts';
import { rmSync } from 'node:fs';
import type { UserRole } from './enums.ts';
import { accountUsers, accounts, users, type NewAccount } from './schema.ts';

/** The password of every demo sign-in. Public on purpose: it is printed on the console and in the README. */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_SIGN_INS = [
  { email: 'customer@example.com', what: 'a user of C123456, the example account of the user guide' },
  { email: 'headoffice@example.com', what: 'a user of head office C200100 and its three locations' },
  { email: 'staff@example.com', what: 'provider staff: can look up every account' },
  { email: 'billing@lakeshore.example.com', what: 'a customer of the reseller Northbeam IT: the portal in its brand' },
] as const;

/**
 * The demo's reseller (fictional, with a name and logo of our own): it sells to three of the
 * demo accounts. The sample reseller site (server/reseller-demo.ts) signs in its customer
 * Lakeshore Legal through it; its local origin is added when that site starts.
 */
export const DEMO_RESELLER = {
  slug: 'northbeam',
  customer: { account: 'C310442', email: 'billing@lakeshore.example.com' },
  record: {
    name: 'Northbeam IT',
    slug: 'northbeam',
    origins: ['https://billing.northbeam.example'],
    accounts: ['C310442', 'C418870', 'C527031'],
    supportEmail: 'billing@northbeam.example',
    supportPhone: '+1 503 555 0188',
    supportUrl: 'https://northbeam.example/help',
    address: '210 SW Morrison St, Suite 400, Portland, OR 97204',
    colorPrimary: '#8a3b12',
    colorHeader: '#3d2616',
    logo: { image: readFileSync(new URL('../../demo/northbeam-logo.svg', import.meta.url)) },
  },
};

type DemoAccount = Omit<NewAccount, 'id' | 'parentId' | 'createdAt'> & { parent?: string };

const DEMO_ACCOUNTS: DemoAccount[] = [
  { number: 'C123456', name: 'Bayview Dental Group', addressLine1: '111 High St', city: 'San Francisco', region: 'CA', postalCode: '94114', representative: 'Bill Smith', timeZone: 'America/Los_Angeles' },
  { number: 'C200100', name: 'Cascade Outdoor Supply', addressLine1: '1420 Western Ave', addressLine2: 'Suite 300', city: 'Seattle', region: 'WA', postalCode: '98101', representative: 'Priya Natarajan', timeZone: 'America/Los_Angeles' },
  { number: 'C200101', name: 'Cascade Outdoor Supply — Portland', addressLine1: '835 NW Everett St', city: 'Portland', region: 'OR', postalCode: '97209', representative: 'Priya Natarajan', parent: 'C200100', timeZone: 'America/Los_Angeles' },
  { number: 'C200102', name: 'Cascade Outdoor Supply — Spokane', addressLine1: '221 W Main Ave', city: 'Spokane', region: 'WA', postalCode: '99201', representative: 'Priya Natarajan', parent: 'C200100', timeZone: 'America/Los_Angeles' },
  { number: 'C200103', name: 'Cascade Outdoor Supply — Boise Warehouse', addressLine1: '6100 W Gowen Rd', city: 'Boise', region: 'ID', postalCode: '83709', representative: 'Priya Natarajan', parent: 'C200100', timeZone: 'America/Boise' },
  { number: 'C310442', name: 'Lakeshore Legal LLP', addressLine1: '233 S Wacker Dr', addressLine2: 'Floor 41', city: 'Chicago', region: 'IL', postalCode: '60606', representative: 'Bill Smith', timeZone: 'America/Chicago' },
  { number: 'C418870', name: 'Summit Ridge Veterinary Clinic', addressLine1: '4800 E Colfax Ave', city: 'Denver', region: 'CO', postalCode: '80220', representative: 'Marcus Greene', timeZone: 'America/Denver' },
  { number: 'C527031', name: 'Pioneer Freight Logistics', addressLine1: '9100 Burleson Rd', city: 'Austin', region: 'TX', postalCode: '78744', representative: 'Marcus Greene' },
];

interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  accounts: string[];
  /** Invited but not yet activated: no password. */
  pending?: boolean;
}

const DEMO_USERS: DemoUser[] = [
  { id: 'usr_demo_customer', email: 'customer@example.com', name: 'Dana Whitfield', role: 'customer', accounts: ['C123456'] },
  { id: 'usr_demo_bayview_office', email: 'office.manager@example.com', name: 'Luis Ortega', role: 'customer', accounts: ['C123456'] },
  { id: 'usr_demo_headoffice', email: 'headoffice@example.com', name: 'Jordan Ellis', role: 'customer', accounts: ['C200100'] },
  { id: 'usr_demo_portland', email: 'portland.store@example.com', name: 'Avery Chen', role: 'customer', accounts: ['C200101'] },
  { id: 'usr_demo_lakeshore', email: 'billing@lakeshore.example.com', name: 'Renee Park', role: 'customer', accounts: ['C310442'] },
  { id: 'usr_demo_lakeshore_pending', email: 'it@lakeshore.example.com', name: 'Tom Baker', role: 'customer', accounts: ['C310442'], pending: true },
  { id: 'usr_demo_summit', email: 'frontdesk@summitridge.example.com', name: 'Grace Holloway', role: 'customer', accounts: ['C418870'] },
  { id: 'usr_demo_pioneer', email: 'ap@pioneerfreight.example.com', name: 'Victor Ramos', role: 'customer', accounts: ['C527031', 'C418870'] },
  { id: 'usr_demo_staff', email: 'staff@example.com', name: 'Sam Rivera', role: 'staff', accounts: [] },
];

/**
 * Every table the demo fills, children before parents, so a reset can empty them in order.
 * Later issues add their tables here.
 */
// Children before parents, for the foreign keys.
const DEMO_TABLES = [
  'ticket_reads', 'ticket_attachments', 'ticket_messages', 'tickets',
  'payment_allocations', 'payment_refunds', 'payments', 'invoice_lines', 'invoices', 'billing_runs', 'usage_records', 'usage_imports',
  'subscriptions', 'locations', 'usage_rates', 'products',
  'audit_log', 'login_failures', 'one_time_tokens', 'sessions', 'reseller_accounts', 'reseller_origins', 'resellers', 'account_users', 'users', 'accounts',
];

export const hasAnyAccount = (db: Db) => Boolean(db.select({ n: sql`1` }).from(accounts).limit(1).get());

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Writes the demo rows; `hashes` line up with DEMO_USERS (null: invited, not activated). */
function writeDemo(tx: Tx, hashes: (string | null)[]): void {
  const ids = new Map<string, number>();
  for (const { parent, ...account } of DEMO_ACCOUNTS) {
    const row = tx
      .insert(accounts)
      .values({ ...account, parentId: parent ? ids.get(parent) : null })
      .returning({ id: accounts.id })
      .get();
    ids.set(account.number, row.id);
  }
  DEMO_USERS.forEach((u, i) => {
    tx.insert(users).values({ id: u.id, email: u.email, name: u.name, role: u.role, passwordHash: hashes[i] ?? null }).run();
    for (const number of u.accounts) tx.insert(accountUsers).values({ accountId: ids.get(number)!, userId: u.id }).run();
  });
}

// Hashing is asynchronous and slow; it happens before the (synchronous) transaction.
const demoHashes = () => Promise.all(DEMO_USERS.map((u) => (u.pending ? null : hashPassword(DEMO_PASSWORD))));

export interface DemoOptions {
  /** The demo's history runs up to this day: two years of calls and invoices. */
  today: Date;
  policy: BillingPolicy;
  /** Where ticket attachments go (ATTACHMENTS_DIR). */
  attachmentsDir: string;
}

/** Fills an empty database with the demo: the same rows for the same day. */
export async function seedDemo(db: Db, options: DemoOptions): Promise<void> {
  const hashes = await demoHashes();
  db.transaction((tx) => writeDemo(tx, hashes));
  // Its API key is not kept: the sample reseller site makes itself a new one when it starts.
  createReseller(db, DEMO_RESELLER.record);
  await loadDemoHistory(db, options.today, options.policy);
  await loadDemoTickets(db, options.today, options.attachmentsDir);
}

/** Empties every table and seeds the demo again. */
export async function resetDemo(db: Db, options: DemoOptions): Promise<void> {
  const hashes = await demoHashes();
  db.transaction((tx) => {
    for (const table of DEMO_TABLES) tx.run(sql.raw(`DELETE FROM ${table}`));
    tx.run(sql`DELETE FROM sqlite_sequence`);
    writeDemo(tx, hashes);
  });
  // The deleted tickets' files go with them.
  rmSync(options.attachmentsDir, { recursive: true, force: true });
  createReseller(db, DEMO_RESELLER.record);
  await loadDemoHistory(db, options.today, options.policy);
  await loadDemoTickets(db, options.today, options.attachmentsDir);
}
