import { accessGrantedMail } from '../mail/templates.ts';
import { createAccount, newAccountSchema } from '../services/accounts.ts';
import { audit } from '../services/audit.ts';
import { senderOf, senderOfAccount } from '../services/resellers/brand.ts';
import { inviteSchema, inviteUser, listUsers, revokeAccess } from '../services/users.ts';
import { bool, parseOrUsage, str, UsageError, withServices, type Command } from './command.ts';

export const createAccountCommand: Command = {
  usage:
    'create-account --number C123456 --name "Company" --address "111 High St" [--address2 "Suite 5"]\n' +
    '               --city "San Francisco" --region CA --postal-code 94114 [--country US]\n' +
    '               [--representative "Bill Smith"] [--head-office C200100] [--currency CAD (default: the head office\'s, else USD)]',
  options: {
    number: str, name: str, address: str, address2: str, city: str, region: str, 'postal-code': str,
    country: str, representative: str, currency: str, 'head-office': str,
  },
  async run(v, _positionals, config) {
    const input = parseOrUsage(
      newAccountSchema,
      {
        number: v.number, name: v.name, addressLine1: v.address, addressLine2: v.address2, city: v.city, region: v.region,
        postalCode: v['postal-code'], country: v.country, representative: v.representative, currency: v.currency,
        parentNumber: v['head-office'],
      },
      { addressLine1: 'address', addressLine2: 'address2', postalCode: 'postal-code', parentNumber: 'head-office' },
    );
    await withServices(config, ({ db }) => {
      const account = createAccount(db, input);
      audit(db, { action: 'account.created', accountId: account.id, detail: { number: account.number, via: 'cli' } });
      console.log(`Created account ${account.number} (${account.name}).`);
    });
  },
};

export const inviteCommand: Command = {
  usage:
    'invite --account C123456 --email person@example.com --name "Full Name" [--language en|fr|es]\n' +
    'invite --staff --email person@example.com --name "Full Name" [--language en|fr|es]',
  options: { account: str, email: str, name: str, staff: bool, language: str },
  async run(v, _positionals, config) {
    const input = parseOrUsage(inviteSchema, { account: v.account, email: v.email, name: v.name, role: v.staff ? 'staff' : 'customer', language: v.language });
    await withServices(config, ({ db, auth, mailer }) => {
      const result = inviteUser(db, input);
      audit(db, { action: 'user.invited', detail: { email: input.email, account: input.account ?? null, via: 'cli' } });
      if (result.needsActivation) {
        const link = auth.sendActivation(result.userId);
        const invited = `Invited ${input.email}${input.account ? ` to ${input.account}` : ' as staff'}.`;
        // A link in full is a credential in the terminal's scrollback: printed only offline, where the outbox stands in for mail.
        console.log(config.smtpUrl ? `${invited} The activation link was mailed to them.` : `${invited} Activation link (also in ${config.outboxDir}/):\n${link}`);
      } else {
        const provider = { name: config.providerName, portalUrl: config.publicUrl };
        const sender = result.accountId === null ? senderOf(null, provider) : senderOfAccount(db, result.accountId, provider);
        mailer.send(accessGrantedMail({ to: input.email, name: result.name, link: sender.portalUrl, language: result.language, sender }, result.accountName ?? ''));
        console.log(`${input.email} already has a sign-in; added to ${input.account} and told by mail.`);
      }
    });
  },
};

export const listUsersCommand: Command = {
  usage: 'list-users [--account C123456]',
  options: { account: str },
  async run(v, _positionals, config) {
    await withServices(config, ({ db }) => {
      const rows = listUsers(db, typeof v.account === 'string' ? v.account.toUpperCase() : undefined);
      if (!rows.length) return console.log('No users.');
      const width = Math.max(...rows.map((r) => r.email.length));
      for (const r of rows) {
        console.log(`${r.email.padEnd(width)}  ${r.name.padEnd(22)} ${r.role.padEnd(8)} ${r.status.padEnd(7)}  ${r.accounts.join(' ') || '-'}`);
      }
    });
  },
};

export const revokeAccessCommand: Command = {
  usage:
    'revoke-access --email person@example.com --account C123456   (from one account)\n' +
    'revoke-access --email person@example.com                     (all of it: no sign-in, sessions ended)',
  options: { email: str, account: str },
  async run(v, _positionals, config) {
    if (typeof v.email !== 'string') throw new UsageError('--email is required.');
    await withServices(config, ({ db }) => {
      const result = revokeAccess(db, { email: v.email as string, account: typeof v.account === 'string' ? v.account : undefined }, Date.now());
      audit(db, { action: 'user.access_revoked', detail: { email: (v.email as string).toLowerCase(), accounts: result.accounts, disabled: result.disabled, sessions: result.sessions, via: 'cli' } });
      console.log(
        result.disabled
          ? `${v.email} can no longer sign in: removed from ${result.accounts.join(', ') || 'no account'}, ${result.sessions} session(s) ended.`
          : `${v.email} no longer reaches ${result.accounts[0]}.`,
      );
    });
  },
};
