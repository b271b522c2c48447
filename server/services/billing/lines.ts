import type { InvoiceLineKind } from '../../db/enums.ts';

/** An invoice line before it is stored; `position` is given when the invoice is put together. */
export interface DraftLine {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  unitPriceMillicents: number;
  amountCents: number;
  locationId: number | null;
  subscriptionId: number | null;
  /** Usage lines: what the reports read back (the voice plan's pool, or a category's rate when `productId` is null). */
  usage?: UsageLineFacts;
}

export interface UsageLineFacts {
  productId: number | null;
  category: string;
  usedMinutes: number;
  includedMinutes: number | null;
}

/** Minutes as people write them: 10000 → "10,000". */
export const minutesText = (minutes: number) => minutes.toLocaleString('en-US');
