import { accountSummary } from '../../services/account-summary.ts';
import { createAccountResource } from '../account-router.ts';
import { summary } from './routes.ts';

/** My Account's summary of an account. */
export const summaryHandlers = createAccountResource().openapi(summary, (c) => c.json(accountSummary(c.get('deps').db, c.get('account'), c.get('deps').now()), 200));
