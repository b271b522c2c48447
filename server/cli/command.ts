import type { ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { createAuthService, type AuthService } from '../auth/service.ts';
import { openDatabase, type Db } from '../db/client.ts';
import type { Config } from '../env.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { createBackground } from '../services/background.ts';

/** Wrong or missing arguments: the usage is printed and the exit code is 2. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

/** One provider command of `npm run portal -- <name>`. */
export interface Command {
  /** Synopsis lines, without the leading `npm run portal --`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number };
  run(values: OptionValues, positionals: string[], config: Config): Promise<void>;
}

export const str = { type: 'string' } as const;
export const bool = { type: 'boolean' } as const;
/** A string option that may be given more than once (`--origin a --origin b`). */
export const strings = { type: 'string', multiple: true } as const;

export interface Services {
  db: Db;
  auth: AuthService;
  mailer: Mailer;
}

/** Opens the database and the services a command needs; waits for queued mail before closing. */
export async function withServices<T>(config: Config, work: (services: Services) => Promise<T> | T): Promise<T> {
  const db = openDatabase(config.databasePath);
  const mailer = createMailer({ db, from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: config.outboxDir });
  const background = createBackground();
  try {
    return await work({ db, mailer, auth: createAuthService({ db, config, mailer, background, now: Date.now }) });
  } finally {
    await background.idle();
    await mailer.idle();
    db.$client.close();
  }
}

/** Validates with a zod schema; each problem becomes a line naming its option (`--postal-code is required`). */
export function parseOrUsage<T extends z.ZodType>(schema: T, input: unknown, optionNames: Record<string, string> = {}): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `--${optionNames[key] ?? key} ${i.message}`;
  });
  throw new UsageError(lines.join('\n'));
}
