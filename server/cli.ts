import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { autopayCommand } from './cli/autopay.ts';
import { backupCommand } from './cli/backup.ts';
import { billCommand } from './cli/billing.ts';
import { createAccountCommand, inviteCommand, listUsersCommand, revokeAccessCommand } from './cli/accounts.ts';
import { UsageError, type Command, type OptionValues } from './cli/command.ts';
import { resetDemoCommand } from './cli/demo.ts';
import { importCommand } from './cli/imports.ts';
import { mailQueueCommand } from './cli/mail.ts';
import { createResellerCommand, listResellersCommand, rotateResellerKeyCommand, updateResellerCommand } from './cli/resellers.ts';
import { ConfigError, loadConfig } from './env.ts';
import { DomainError } from './services/errors.ts';

/** Every provider command, by name. Each lives in server/cli/<topic>.ts. */
const COMMANDS: Record<string, Command> = {
  'create-account': createAccountCommand,
  invite: inviteCommand,
  'list-users': listUsersCommand,
  'revoke-access': revokeAccessCommand,
  'reset-demo': resetDemoCommand,
  import: importCommand,
  bill: billCommand,
  autopay: autopayCommand,
  'create-reseller': createResellerCommand,
  'update-reseller': updateResellerCommand,
  'rotate-reseller-key': rotateResellerKeyCommand,
  'list-resellers': listResellersCommand,
  'mail-queue': mailQueueCommand,
  backup: backupCommand,
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.replace(/\n/g, '\n  ')}`);
  return `Usage: npm run portal -- <command> [options]\n\nCommands:\n${lines.join('\n')}`;
}

function parse(command: Command, args: string[]): { values: OptionValues; positionals: string[] } {
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  try {
    const parsed = parseArgs({ args, options: command.options, strict: true, allowPositionals: max > 0 });
    if (parsed.positionals.length < min || parsed.positionals.length > max) throw new Error('Wrong number of arguments.');
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Runs one command; returns the exit code: 0 done, 1 refused (input error), 2 bad arguments. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const { values, positionals } = parse(command, rest);
    await command.run(values, positionals, loadConfig());
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      const synopsis = command ? `Usage: npm run portal -- ${command.usage.replace(/\n/g, '\n       npm run portal -- ')}` : usage();
      console.error(`${err.message}\n\n${synopsis}`);
      return 2;
    }
    if (err instanceof DomainError || err instanceof ConfigError) {
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
