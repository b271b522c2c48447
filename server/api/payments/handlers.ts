import { audit } from '../../services/audit.ts';
import { DomainError, InputError } from '../../services/errors.ts';
import { formatMoney } from '../../services/money-format.ts';
import { createAccountResource } from '../account-router.ts';
import { listPayments, pay } from './routes.ts';

/** Card payments and the payment history. */
export const paymentHandlers = createAccountResource()
  .openapi(pay, async (c) => {
    const { db, config, payments, autopay } = c.get('deps');
    const { user, account, ip } = c.var;
    const body = c.req.valid('json');
    if (body.amount > config.paymentMaxCents) {
      const most = formatMoney(config.paymentMaxCents, account.currency);
      throw new InputError(`The most a card payment can be is ${most}.`, [{ path: 'amount', message: `At most ${most}.` }]);
    }
    const payment = await payments.payByCard({
      accountId: account.id,
      userId: user.id,
      amountCents: body.amount,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      source: { opaqueData: body.opaqueData },
      billTo: body.billTo,
    });
    audit(db, { action: 'payment.card', actorUserId: user.id, accountId: account.id, ip, detail: { paymentId: payment.id, amount: payment.amount, status: payment.status } });
    if (body.saveForAutopay && (payment.status === 'approved' || payment.status === 'held')) {
      try {
        const method = await autopay.enrollFromPayment({ account, userId: user.id, email: user.email, paymentId: payment.id });
        audit(db, { action: 'autopay.enrolled', actorUserId: user.id, accountId: account.id, ip, detail: { paymentId: payment.id, brand: method.brand, last4: method.last4 } });
        return c.json({ ...payment, autopay: { saved: true as const, method } }, 201);
      } catch (err) {
        // The money is taken either way: a card the gateway would not save is said in the reply, not an error.
        if (!(err instanceof DomainError)) throw err;
        return c.json({ ...payment, autopay: { saved: false as const, message: `The payment went through, but the card was not saved for automatic payment: ${err.message}` } }, 201);
      }
    }
    // A refused card is recorded (it shows in the history) and answered as an error.
    if (payment.status === 'declined') throw new DomainError('DECLINED', `The card was declined: ${payment.message ?? 'no reason given'} Nothing was charged.`);
    if (payment.status === 'error') throw new DomainError('PAYMENT_FAILED', `The payment did not go through: ${payment.message ?? 'no reason given'} Nothing was charged.`);
    return c.json(payment, payment.status === 'approved' || payment.status === 'held' ? 201 : 202);
  })
  .openapi(listPayments, (c) => {
    const { id, currency } = c.get('account');
    return c.json({ payments: c.get('deps').payments.list(id), currency }, 200);
  });
