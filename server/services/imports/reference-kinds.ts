import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, locations, products, subscriptions, usageRates } from '../../db/schema.ts';
import * as f from './fields.ts';
import type { ImportKind, RowError } from './import.ts';
import { keyedSession } from './keyed-session.ts';

/** Account number → id, of the accounts stored now. */
export const accountIds = (db: Db) => new Map(db.select({ id: accounts.id, number: accounts.number }).from(accounts).all().map((a) => [a.number, a.id]));

/** A postal address, as accounts and locations both have one. */
const ADDRESS_COLUMNS = {
  address_line1: f.text(120).required,
  city: f.text(80).required,
  region: f.text(40).required,
  postal_code: f.text(20).required,
  country: f.country.optional,
};

const ACCOUNT_COLUMNS = {
  number: f.accountNumber.required,
  name: f.text(120).required,
  ...ADDRESS_COLUMNS,
  address_line2: f.text(120).optional,
  representative: f.text(120).optional,
  currency: f.oneOf('usd', 'cad').optional,
  tax_rate_percent: f.percent.optional,
  parent: f.accountNumber.optional,
  time_zone: f.timeZone.optional,
};

/**
 * Rows whose chain of head offices comes back to them, with the file's parents over the stored
 * ones (a stored chain may close a loop the file starts). A row on its own is left to check().
 */
function headOfficeCycles<Row extends { number: string; parent: string | null }>(rows: Row[], storedParents: Map<string, string | null>, lineOf: (row: Row) => number): RowError[] {
  const parentOf = new Map(storedParents);
  for (const r of rows) parentOf.set(r.number, r.parent);
  // Accounts whose chain ends at a top-level account: a walk that reaches one can stop.
  const reachesTop = new Set<string>();
  const errors: RowError[] = [];
  for (const r of rows) {
    if (!r.parent || r.parent === r.number) continue;
    const chain = [r.number];
    let at: string | null | undefined = r.parent;
    while (at && !reachesTop.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = parentOf.get(at);
    }
    if (!at || reachesTop.has(at)) for (const number of chain) reachesTop.add(number);
    else if (at === r.number) errors.push({ line: lineOf(r), column: 'parent', message: `Head offices would form a cycle: ${[...chain, r.number].join(' → ')}.` });
  }
  return errors;
}

type AccountRow = { number: string; parent: string | null; currency: string | null };

/**
 * The currency each row's account bills in: its own column, else what it has stored, else its
 * head office's (a new sub-account), else US dollars. A sub-account in another currency than its
 * head office is an error: a head office's reports and sums add its sub-accounts' money up.
 */
function accountCurrencies<Row extends AccountRow>(rows: Row[], stored: Map<string, string>, storedParents: Map<string, string | null>, lineOf: (row: Row) => number) {
  const inFile = new Map(rows.map((r) => [r.number, r]));
  const currencies = new Map<string, string>();
  const currencyOf = (number: string, seen = new Set<string>()): string => {
    const row = inFile.get(number);
    const own = row?.currency?.toUpperCase() ?? stored.get(number);
    if (own) return own;
    const parent = row ? row.parent : storedParents.get(number);
    // A cycle of head offices is reported on its own (headOfficeCycles).
    if (!parent || seen.has(parent)) return 'USD';
    return currencyOf(parent, seen.add(number));
  };
  const errors: RowError[] = [];
  for (const r of rows) {
    const currency = currencyOf(r.number);
    currencies.set(r.number, currency);
    const headOffice = r.parent && r.parent !== r.number ? currencyOf(r.parent) : currency;
    if (headOffice !== currency) errors.push({ line: lineOf(r), column: 'currency', message: `Head office ${r.parent} bills in ${headOffice}: a sub-account bills in its head office's currency.` });
  }
  // A head office in the file whose stored sub-accounts (not in the file) bill in another currency.
  for (const [child, parent] of storedParents) {
    const headOffice = parent ? inFile.get(parent) : undefined;
    if (!headOffice || inFile.has(child) || stored.get(child) === currencies.get(parent!)) continue;
    errors.push({ line: lineOf(headOffice), column: 'currency', message: `Sub-account ${child} bills in ${stored.get(child)}: a head office bills in its sub-accounts' currency.` });
  }
  return { currencies, errors };
}

export const accountsKind: ImportKind<typeof ACCOUNT_COLUMNS> = {
  name: 'accounts',
  description: 'customer accounts; a head office is named as the parent of its sub-accounts',
  columns: ACCOUNT_COLUMNS,
  open(db) {
    const ids = accountIds(db);
    const storedParents = new Map(
      db.$client.prepare('select a.number, p.number as parent from accounts a left join accounts p on p.id = a.parent_id').raw().all() as [string, string | null][],
    );
    const storedCurrencies = new Map(db.$client.prepare('select number, currency from accounts').raw().all() as [string, string][]);
    let currencies = new Map<string, string>();
    return keyedSession(db, {
      keyColumn: 'number',
      keyOf: (r) => r.number,
      existing: new Set(ids.keys()),
      check(r, fail) {
        if (r.parent === r.number) fail('parent', 'An account cannot be its own parent.');
      },
      finalCheck(rows, lineOf) {
        const inFile = new Set(rows.map((r) => r.number));
        const unknown = rows
          .filter((r) => r.parent && !ids.has(r.parent) && !inFile.has(r.parent))
          .map((r): RowError => ({ line: lineOf(r), column: 'parent', message: `No account ${r.parent}, in the file or stored.` }));
        const billing = accountCurrencies(rows, storedCurrencies, storedParents, lineOf);
        currencies = billing.currencies;
        return [...unknown, ...headOfficeCycles(rows, storedParents, lineOf), ...billing.errors].sort((a, b) => a.line - b.line);
      },
      write(r) {
        const values = {
          number: r.number, name: r.name, addressLine1: r.address_line1, addressLine2: r.address_line2, city: r.city, region: r.region,
          postalCode: r.postal_code, country: r.country ?? 'US', representative: r.representative, currency: currencies.get(r.number)!,
          taxRatePpm: r.tax_rate_percent ?? 0, timeZone: r.time_zone,
        };
        db.insert(accounts).values(values).onConflictDoUpdate({ target: accounts.number, set: values }).run();
      },
      // Parents last: a head office may come after its sub-accounts in the file.
      afterWrite(rows) {
        for (const r of rows) {
          const parentId = r.parent ? sql`(select id from accounts where number = ${r.parent})` : null;
          db.update(accounts).set({ parentId }).where(eq(accounts.number, r.number)).run();
        }
      },
    });
  },
};

const LOCATION_COLUMNS = {
  account: f.accountNumber.required,
  code: f.text(40).required,
  name: f.text(120).required,
  ...ADDRESS_COLUMNS,
  tax_rate_percent: f.percent.optional,
};

export const locationsKind: ImportKind<typeof LOCATION_COLUMNS> = {
  name: 'locations',
  description: "service addresses of accounts, with the location's sales tax (empty: the account's)",
  columns: LOCATION_COLUMNS,
  open(db) {
    const ids = accountIds(db);
    const stored = db.select({ account: accounts.number, code: locations.code }).from(locations).innerJoin(accounts, eq(accounts.id, locations.accountId)).all();
    return keyedSession(db, {
      keyColumn: 'code',
      keyOf: (r) => `${r.account}/${r.code}`,
      existing: new Set(stored.map((l) => `${l.account}/${l.code}`)),
      check(r, fail) {
        if (!ids.has(r.account)) fail('account', `No account ${r.account}.`);
      },
      write(r) {
        const values = {
          accountId: ids.get(r.account)!, code: r.code, name: r.name, addressLine1: r.address_line1, city: r.city, region: r.region,
          postalCode: r.postal_code, country: r.country ?? 'US', taxRatePpm: r.tax_rate_percent,
        };
        db.insert(locations).values(values).onConflictDoUpdate({ target: [locations.accountId, locations.code], set: values }).run();
      },
    });
  },
};

const PRODUCT_COLUMNS = {
  code: f.text(40).required,
  name: f.text(120).required,
  type: f.oneOf('plan', 'addon').required,
  monthly_price: f.money.required,
  included_minutes: f.integer(0, 10_000_000).optional,
  usage_category: f.text(40).optional,
  overage_rate_per_minute: f.ratePerMinute.optional,
};

export const productsKind: ImportKind<typeof PRODUCT_COLUMNS> = {
  name: 'products',
  description: 'the catalog: plans (voice plans with included minutes) and add-ons',
  columns: PRODUCT_COLUMNS,
  open(db) {
    return keyedSession(db, {
      keyColumn: 'code',
      keyOf: (r) => r.code,
      existing: new Set(db.select({ code: products.code }).from(products).all().map((p) => p.code)),
      check(r, fail) {
        const voice = [r.included_minutes, r.usage_category, r.overage_rate_per_minute];
        const given = voice.filter((v) => v !== null).length;
        if (given > 0 && r.type === 'addon') fail('type', 'Add-ons have no minutes: leave included_minutes, usage_category and overage_rate_per_minute empty.');
        else if (given > 0 && given < 3) fail(voice[0] === null ? 'included_minutes' : voice[1] === null ? 'usage_category' : 'overage_rate_per_minute', 'A voice plan needs included_minutes, usage_category and overage_rate_per_minute.');
      },
      write(r) {
        const values = {
          code: r.code, name: r.name, type: r.type, monthlyPriceCents: r.monthly_price, includedMinutes: r.included_minutes,
          usageCategory: r.usage_category, overageMillicentsPerMinute: r.overage_rate_per_minute,
        };
        db.insert(products).values(values).onConflictDoUpdate({ target: products.code, set: values }).run();
      },
    });
  },
};

const RATE_COLUMNS = { category: f.text(40).required, rate_per_minute: f.ratePerMinute.required };

export const usageRatesKind: ImportKind<typeof RATE_COLUMNS> = {
  name: 'usage-rates',
  description: 'per-minute prices of destination categories no plan includes (e.g. INTL)',
  columns: RATE_COLUMNS,
  open(db) {
    return keyedSession(db, {
      keyColumn: 'category',
      keyOf: (r) => r.category,
      existing: new Set(db.select({ c: usageRates.category }).from(usageRates).all().map((r) => r.c)),
      write(r) {
        const values = { category: r.category, millicentsPerMinute: r.rate_per_minute };
        db.insert(usageRates).values(values).onConflictDoUpdate({ target: usageRates.category, set: values }).run();
      },
    });
  },
};

const SUBSCRIPTION_COLUMNS = {
  id: f.text(60).required,
  account: f.accountNumber.required,
  location: f.text(40).optional,
  product: f.text(40).required,
  quantity: f.integer(1, 100_000).required,
  start_date: f.date.required,
  end_date: f.date.optional,
  subscriber_number: f.text(40).optional,
  subscriber_name: f.text(120).optional,
};

export const subscriptionsKind: ImportKind<typeof SUBSCRIPTION_COLUMNS> = {
  name: 'subscriptions',
  description: 'what each account is billed for: a plan or add-on, at a location, from a start date (to an end date)',
  columns: SUBSCRIPTION_COLUMNS,
  open(db) {
    const ids = accountIds(db);
    const productIds = new Map(db.select({ id: products.id, code: products.code }).from(products).all().map((p) => [p.code, p.id]));
    const locationIds = new Map(
      db.select({ id: locations.id, accountId: locations.accountId, code: locations.code }).from(locations).all().map((l) => [`${l.accountId}/${l.code}`, l.id]),
    );
    const locationOf = (r: { account: string; location: string | null }) => (r.location ? locationIds.get(`${ids.get(r.account)}/${r.location}`) : null);
    return keyedSession(db, {
      keyColumn: 'id',
      keyOf: (r) => r.id,
      existing: new Set(db.select({ id: subscriptions.externalId }).from(subscriptions).all().map((s) => s.id)),
      check(r, fail) {
        if (!ids.has(r.account)) fail('account', `No account ${r.account}.`);
        else if (r.location && locationOf(r) === undefined) fail('location', `Account ${r.account} has no location ${r.location}.`);
        if (!productIds.has(r.product)) fail('product', `No product ${r.product} in the catalog.`);
        if (r.end_date && r.end_date < r.start_date) fail('end_date', `Ends (${r.end_date}) before it starts (${r.start_date}).`);
      },
      write(r) {
        const values = {
          externalId: r.id, accountId: ids.get(r.account)!, locationId: locationOf(r) ?? null, productId: productIds.get(r.product)!,
          quantity: r.quantity, startDate: r.start_date, endDate: r.end_date, subscriberNumber: r.subscriber_number, subscriberName: r.subscriber_name,
        };
        db.insert(subscriptions).values(values).onConflictDoUpdate({ target: subscriptions.externalId, set: values }).run();
      },
    });
  },
};
