import { readFileSync } from 'node:fs';
import type { Reseller } from '../db/schema.ts';
import { audit } from '../services/audit.ts';
import {
  createReseller,
  listResellers,
  newResellerSchema,
  resellerChangesSchema,
  rotateResellerKey,
  updateReseller,
  type LogoInput,
} from '../services/resellers/resellers.ts';
import { parseOrUsage, str, strings, UsageError, withServices, type Command, type OptionValues } from './command.ts';

/** The brand options, the same for create-reseller and update-reseller. */
const BRAND_OPTIONS = {
  'display-name': str, logo: str, 'support-email': str, 'support-phone': str, 'support-url': str, address: str, 'color-primary': str, 'color-header': str,
};
const BRAND_USAGE =
  '               [--display-name "Acme"] [--logo https://…/logo.png | --logo ./logo.svg] [--support-email help@acme.example]\n' +
  '               [--support-phone "+1 415 555 0100"] [--support-url https://acme.example/help] [--address "1 Main St, …"]\n' +
  '               [--color-primary "#8a3b12"] [--color-header "#3d2616"]';

/** Option names of the schema's fields, so a problem names the option the user typed. */
const OPTION_NAMES = {
  brandName: 'display-name', supportEmail: 'support-email', supportPhone: 'support-phone', supportUrl: 'support-url',
  colorPrimary: 'color-primary', colorHeader: 'color-header', origins: 'origin',
};

const text = (v: OptionValues[string]) => (typeof v === 'string' ? v : undefined);

/** `--logo`: an http(s) address as it is, a file read here (the service checks what it is), '' for none. */
function logoOption(value: string | undefined): LogoInput | null | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') return null;
  if (/^https?:\/\//i.test(value.trim())) return { url: value.trim() };
  try {
    return { image: readFileSync(value) };
  } catch (err) {
    throw new UsageError(`--logo: cannot read ${value} (${(err as NodeJS.ErrnoException).code ?? String(err)}); give an image file or an http(s) address.`);
  }
}

/** `--accounts C123456,C200100` → the numbers; absent stays absent. */
const accountList = (v: OptionValues[string]) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

const brandInput = (v: OptionValues) => ({
  brandName: text(v['display-name']),
  logo: logoOption(text(v.logo)),
  supportEmail: text(v['support-email']),
  supportPhone: text(v['support-phone']),
  supportUrl: text(v['support-url']),
  address: text(v.address),
  colorPrimary: text(v['color-primary']),
  colorHeader: text(v['color-header']),
});

function describe(reseller: Reseller, origins: string[], accounts: string[]): string {
  const brand = [reseller.brandName && `shown as "${reseller.brandName}"`, reseller.colorPrimary, reseller.colorHeader, (reseller.logoUrl || reseller.logoImage) && 'logo', reseller.supportEmail, reseller.supportPhone, reseller.supportUrl]
    .filter(Boolean)
    .join(', ');
  return [
    `${reseller.slug} (${reseller.name})`,
    `  sites:    ${origins.join(' ') || '-'}`,
    `  accounts: ${accounts.length ? `${accounts.join(' ')} (and their sub-accounts)` : '-'}`,
    `  brand:    ${brand || "the provider's"}`,
  ].join('\n');
}

const keyNotice = (key: string) =>
  `API key (shown only now: keep it on your server, never in a web page; \`rotate-reseller-key\` replaces it):\n${key}`;

export const createResellerCommand: Command = {
  usage: `create-reseller --name "Acme Telecom" --origin https://portal.acme.example [--origin …] [--slug acme]\n               [--accounts C123456,C200100]\n${BRAND_USAGE}`,
  options: { name: str, slug: str, origin: strings, accounts: str, ...BRAND_OPTIONS },
  async run(v, _positionals, config) {
    const input = parseOrUsage(
      newResellerSchema,
      { name: v.name, slug: text(v.slug), origins: v.origin ?? [], accounts: accountList(v.accounts), ...brandInput(v) },
      OPTION_NAMES,
    );
    await withServices(config, ({ db }) => {
      const { reseller, key } = createReseller(db, input);
      audit(db, { action: 'reseller.created', detail: { reseller: reseller.slug, origins: input.origins, accounts: input.accounts, via: 'cli' } });
      console.log(`Created reseller ${describe(reseller, input.origins, input.accounts)}\n\n${keyNotice(key)}`);
    });
  },
};

export const updateResellerCommand: Command = {
  usage: `update-reseller --reseller acme [--name "Acme Telecom"] [--origin https://… (replaces the sites)]\n               [--accounts C123456,C200100 (replaces the accounts)]\n${BRAND_USAGE}\n               (an empty value, --logo "", removes that part of the brand)`,
  options: { reseller: str, name: str, origin: strings, accounts: str, ...BRAND_OPTIONS },
  async run(v, _positionals, config) {
    const slug = text(v.reseller);
    if (!slug) throw new UsageError('--reseller is required: the short name list-resellers shows.');
    const changes = parseOrUsage(
      resellerChangesSchema,
      { name: text(v.name), origins: v.origin as string[] | undefined, accounts: accountList(v.accounts), ...brandInput(v) },
      OPTION_NAMES,
    );
    if (Object.values(changes).every((value) => value === undefined)) throw new UsageError('Nothing to change: give at least one option besides --reseller.');
    await withServices(config, ({ db }) => {
      updateReseller(db, slug, changes);
      audit(db, { action: 'reseller.updated', detail: { reseller: slug, changed: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined), via: 'cli' } });
      const after = listResellers(db).find((r) => r.reseller.slug === slug.toLowerCase())!;
      console.log(`Updated reseller ${describe(after.reseller, after.origins, after.accounts)}`);
    });
  },
};

export const rotateResellerKeyCommand: Command = {
  usage: 'rotate-reseller-key --reseller acme   (a new API key; the old one stops working at once)',
  options: { reseller: str },
  async run(v, _positionals, config) {
    const slug = text(v.reseller);
    if (!slug) throw new UsageError('--reseller is required: the short name list-resellers shows.');
    await withServices(config, ({ db }) => {
      const { reseller, key } = rotateResellerKey(db, slug);
      audit(db, { action: 'reseller.key_rotated', detail: { reseller: reseller.slug, via: 'cli' } });
      console.log(`The old key of ${reseller.slug} no longer works.\n\n${keyNotice(key)}`);
    });
  },
};

export const listResellersCommand: Command = {
  usage: 'list-resellers',
  options: {},
  async run(_v, _positionals, config) {
    await withServices(config, ({ db }) => {
      const rows = listResellers(db);
      console.log(rows.length ? rows.map((r) => describe(r.reseller, r.origins, r.accounts)).join('\n') : 'No resellers.');
    });
  },
};
