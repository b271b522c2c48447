import type { Db } from '../../db/client.ts';
import type { Account } from '../../db/schema.ts';
import { parsePeriod, type Period } from '../billing/period.ts';

/** An account a report covers. */
export interface ScopeAccount {
  id: number;
  number: string;
  name: string;
  timeZone: string | null;
}

/** What a report covers: an account alone, or a head office rolled up with all its sub-accounts. */
export interface ReportScope {
  account: Account;
  rollup: boolean;
  /** The account first, then its sub-accounts (at any depth) by number. */
  accounts: ScopeAccount[];
  /** The ids, as a SQL list: they come from the database, never from the request. */
  idList: string;
}

export function reportScope(db: Db, account: Account, rollup: boolean): ReportScope {
  const accounts = rollup
    ? (db.$client
        .prepare(
          `with recursive tree(id) as (select ? union select a.id from accounts a join tree t on a.parent_id = t.id)
           select id, number, name, time_zone as timeZone from accounts where id in (select id from tree) order by id = ? desc, number`,
        )
        .all(account.id, account.id) as ScopeAccount[])
    : [{ id: account.id, number: account.number, name: account.name, timeZone: account.timeZone }];
  return { account, rollup, accounts, idList: accounts.map((a) => Math.trunc(a.id)).join(',') };
}

/** The months a report covers, and which of them are invoiced. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** Every month from `from` to `to`. */
  months: string[];
  first: Period;
  last: Period;
  /** Months up to this one not billed yet: what they cost so far is shown apart. */
  uninvoicedMonths: string[];
  /** `YYYY-MM` of today (UTC). */
  currentMonth: string;
}

const monthAfter = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
export const monthsBefore = (month: string, count: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - count, 1)).toISOString().slice(0, 7);

export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = monthAfter(m)) months.push(m);
  return months;
}

/**
 * The period asked for: `year` (the current one up to this month), or `from` and `to` (checked
 * by the contract), or by default this month (year to date for the YTD reports).
 */
export function reportPeriod(db: Db, ask: { from?: string | undefined; to?: string | undefined; year?: string | undefined }, yearToDate: boolean, now: number): ReportPeriod {
  const currentMonth = new Date(now).toISOString().slice(0, 7);
  const thisYear = currentMonth.slice(0, 4);
  let from: string;
  let to: string;
  if (ask.from && ask.to) [from, to] = [ask.from, ask.to];
  else if (ask.year) [from, to] = [`${ask.year}-01`, ask.year === thisYear ? currentMonth : `${ask.year}-12`];
  else [from, to] = [yearToDate ? `${thisYear}-01` : currentMonth, currentMonth];
  const months = monthsFrom(from, to);
  const billed = new Set(
    db.$client.prepare('select period from billing_runs where period between ? and ?').pluck().all(from, to) as string[],
  );
  return {
    from,
    to,
    months,
    first: parsePeriod(from),
    last: parsePeriod(to),
    uninvoicedMonths: months.filter((m) => m <= currentMonth && !billed.has(m)),
    currentMonth,
  };
}
