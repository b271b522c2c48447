import { accountSummary } from '../../services/account-summary.ts';
import { keptJson } from '../../http/kept-json.ts';
import { createAccountResource } from '../account-router.ts';
import { summary } from './routes.ts';

/** My Account's summary of an account: read on every visit, so its JSON is kept with the summary. */
export const summaryHandlers = createAccountResource().openapi(summary, (c) => {
  const deps = c.get('deps');
  return keptJson(c, accountSummary(deps.db, c.get('account'), deps.now(), deps.payments.cardCurrencies));
});
