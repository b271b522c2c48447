import { subAccountsOverview } from '../../services/sub-accounts.ts';
import { createAccountResource } from '../account-router.ts';
import { subAccounts } from './routes.ts';

/** A head office's locations with what each owes (the guide's Sub Accounts). */
export const subAccountHandlers = createAccountResource().openapi(subAccounts, (c) =>
  c.json(subAccountsOverview(c.var.deps.db, c.var.account, new Date(c.var.deps.now()).toISOString().slice(0, 10)), 200),
);
