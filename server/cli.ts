import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { createAuthService } from './auth/service.ts';
import { openDatabase, type Db } from './db/client.ts';
import { DEMO_PASSWORD, DEMO_SIGN_INS, resetDemo } from './db/demo-data.ts';
import { ConfigError, loadConfig, type Config } from './env.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { accessGrantedMail } from './mail/templates.ts';
import { audit } from './services/audit.ts';
import { AccountInputError, createAccount, newAccountSchema } from './services/accounts.ts';
import { createBackground } from './services/background.ts';
import { UserInputError, inviteSchema, inviteUser, listUsers } from './services/users.ts';

/** Wrong or missing arguments: usage is printed and the exit code is 2. */
class UsageError extends Error {}

interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, config: Config): Promise<void>;
}

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

/** Opens the database and the services a command needs, and waits for mail before closing. */
interface Services {
  db: Db;
  auth: ReturnType<typeof createAuthService>;
  mailer: Mailer;
}

async function withServices<T>(config: Config, work: (services: Services) => Promise<T> | T) {
  const db = openDatabase(config.databasePath);
  const mailer = createMailer({ from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: config.outboxDir });
  const background = createBackground();
  try {
    return await work({ db, mailer, auth: createAuthService({ db, config, mailer, background, now: Date.now }) });
  } finally {
    await background.idle();
    await mailer.idle();
    db.$client.close();
  }
}

/** Validates with a zod schema; every problem becomes one line of a UsageError naming the option. */
function parseOrUsage<T extends z.ZodType>(schema: T, input: unknown, optionNames: Record<string, string>): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `--${optionNames[key] ?? key} ${i.message}`;
  });
  throw new UsageError(lines.join('\n'));
}

const COMMANDS: Record<string, Command> = {
  'create-account': {
    usage:
      'create-account --number C123456 --name "Company" --address "111 High St" [--address2 "Suite 5"]\n' +
      '               --city "San Francisco" --region CA --postal-code 94114 [--country US]\n' +
      '               [--representative "Bill Smith"] [--currency USD] [--head-office C200100]',
    options: {
      number: str, name: str, address: str, address2: str, city: str, region: str, 'postal-code': str,
      country: str, representative: str, currency: str, 'head-office': str,
    },
    async run(v, config) {
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
  },

  invite: {
    usage: 'invite --account C123456 --email person@example.com --name "Full Name"\ninvite --staff --email person@example.com --name "Full Name"',
    options: { account: str, email: str, name: str, staff: bool },
    async run(v, config) {
      const input = parseOrUsage(inviteSchema, { account: v.account, email: v.email, name: v.name, role: v.staff ? 'staff' : 'customer' }, {});
      await withServices(config, ({ db, auth, mailer }) => {
        const result = inviteUser(db, input);
        audit(db, { action: 'user.invited', actorUserId: null, detail: { email: input.email, account: input.account ?? null, via: 'cli' } });
        if (result.needsActivation) {
          const link = auth.sendActivation(result.userId);
          console.log(`Invited ${input.email}${input.account ? ` to ${input.account}` : ' as staff'}. Activation link (also mailed):\n${link}`);
        } else {
          mailer.send(accessGrantedMail({ to: input.email, name: result.name, link: config.publicUrl, providerName: config.providerName }, result.accountName ?? ''));
          console.log(`${input.email} already has a sign-in; added to ${input.account} and told by mail.`);
        }
      });
    },
  },

  'list-users': {
    usage: 'list-users [--account C123456]',
    options: { account: str },
    async run(v, config) {
      await withServices(config, ({ db }) => {
        const rows = listUsers(db, typeof v.account === 'string' ? v.account.toUpperCase() : undefined);
        if (!rows.length) return console.log('No users.');
        const width = Math.max(...rows.map((r) => r.email.length));
        for (const r of rows) {
          console.log(`${r.email.padEnd(width)}  ${r.name.padEnd(22)} ${r.role.padEnd(8)} ${r.status.padEnd(7)}  ${r.accounts.join(' ') || '-'}`);
        }
      });
    },
  },

  'reset-demo': {
    usage: 'reset-demo --yes        (deletes every account, user and session, then loads the demo data)',
    options: { yes: bool },
    async run(v, config) {
      if (!v.yes) throw new UsageError('reset-demo deletes all data: add --yes to confirm.');
      await withServices(config, async ({ db }) => {
        await resetDemo(db);
        audit(db, { action: 'demo.reset', detail: { via: 'cli' } });
        console.log(`Demo data loaded. Sign-ins (password ${DEMO_PASSWORD}): ${DEMO_SIGN_INS.map((s) => s.email).join(', ')}`);
      });
    },
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.replace(/\n/g, '\n  ')}`);
  return `Usage: npm run portal -- <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    let values: Record<string, string | boolean | undefined>;
    try {
      values = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }).values as typeof values;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    await command.run(values, loadConfig());
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${command ? `Usage: npm run portal -- ${command.usage}` : usage()}`);
      return 2;
    }
    if (err instanceof AccountInputError || err instanceof UserInputError || err instanceof ConfigError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `list-users | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(0) : undefined));
  process.exitCode = await main(process.argv.slice(2));
}
