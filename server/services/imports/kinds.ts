import type { ImportKind } from './import.ts';
import { accountsKind, locationsKind, productsKind, subscriptionsKind, usageRatesKind } from './reference-kinds.ts';
import { usageKind } from './usage-kind.ts';

/** Every kind of import file, in the order a provider loads them (each refers to the ones before). */
export const IMPORT_KINDS = [accountsKind, locationsKind, productsKind, usageRatesKind, subscriptionsKind, usageKind] as ImportKind[];

export const importKindNames = IMPORT_KINDS.map((k) => k.name);

export const importKind = (name: string): ImportKind | undefined => IMPORT_KINDS.find((k) => k.name === name);
