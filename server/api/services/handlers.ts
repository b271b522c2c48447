import { accountServices } from '../../services/account-services.ts';
import { createAccountResource } from '../account-router.ts';
import { services } from './routes.ts';

/** The account's locations and subscriptions (the guide's Services). */
export const serviceHandlers = createAccountResource().openapi(services, (c) => {
  const { ended, rollup } = c.req.valid('query');
  const today = new Date(c.var.deps.now()).toISOString().slice(0, 10);
  return c.json(accountServices(c.var.deps.db, c.var.account, { ended: ended === 'true', rollup: rollup === 'true' }, today), 200);
});
