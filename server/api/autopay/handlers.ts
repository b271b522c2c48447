import { audit } from '../../services/audit.ts';
import { createAccountResource } from '../account-router.ts';
import { cancelAutopay, enrollAutopay } from './routes.ts';

/** The card for automatic payment. */
export const autopayHandlers = createAccountResource()
  .openapi(enrollAutopay, async (c) => {
    const { user, account, ip } = c.var;
    const { opaqueData, billTo } = c.req.valid('json');
    const method = await c.get('deps').autopay.enroll({ account, userId: user.id, email: user.email, opaqueData, ...(billTo ? { billTo } : {}) });
    audit(c.get('deps').db, { action: 'autopay.enrolled', actorUserId: user.id, accountId: account.id, ip, detail: { brand: method.brand, last4: method.last4 } });
    return c.json({ autopay: method }, 200);
  })
  .openapi(cancelAutopay, async (c) => {
    const { user, account, ip } = c.var;
    if (await c.get('deps').autopay.cancel(account)) audit(c.get('deps').db, { action: 'autopay.cancelled', actorUserId: user.id, accountId: account.id, ip });
    return c.json({ autopay: null }, 200);
  });
