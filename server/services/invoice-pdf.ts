import { jsPDF } from 'jspdf';
import type { InvoiceDetail, InvoiceLine } from './invoices.ts';
import { formatUnitPrice } from './money-format.ts';
import { formatterFor, LOCALES, messagesFor, type Language, type Messages } from '../i18n/messages.ts';

/** Who the invoice is from: the provider, or the reseller the account belongs to (its brand). */
export interface InvoiceIssuer {
  name: string;
  /** Postal address on one line; wrapped as needed. */
  address: string;
  /** Where customers sign in to pay. */
  portalUrl: string;
  /** The support contact on one line, printed under the address. */
  support?: string | null;
  /** `#rrggbb`: the issuer's name, the title and the rules in its colour; default black and grey. */
  accent?: string | null;
}

// US Letter in points, with 0.75 in margins.
const PAGE = { width: 612, height: 792, margin: 54 };
const CONTENT_BOTTOM = PAGE.height - PAGE.margin - 24; // room for the page footer
const COLUMNS = { description: PAGE.margin, quantity: 380, unit: 460, amount: PAGE.width - PAGE.margin };
const DESCRIPTION_WIDTH = COLUMNS.quantity - COLUMNS.description - 40;
const LINE_HEIGHT = 13;
const GREY = 110;

const KIND_SECTIONS: { title: keyof Messages['pdf']; kinds: InvoiceLine['kind'][] }[] = [
  { title: 'recurringCharges', kinds: ['recurring'] },
  { title: 'usage', kinds: ['usage'] },
  { title: 'otherCharges', kinds: ['adjustment', 'late_fee'] },
];

/** Lines grouped by location (account-wide charges last), then by kind; taxes apart. */
export function groupLines(lines: InvoiceLine[], t: Messages['pdf'] = messagesFor('en').pdf) {
  const groups = new Map<number | null, { title: string; sections: { title: string; lines: InvoiceLine[] }[] }>();
  const charges = lines.filter((l) => l.kind !== 'tax');
  const locationIds = [...new Set(charges.map((l) => l.location?.id ?? null))].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  for (const id of locationIds) {
    const ofGroup = charges.filter((l) => (l.location?.id ?? null) === id);
    const location = ofGroup[0]!.location;
    groups.set(id, {
      title: location ? `${location.name} — ${location.address}` : locationIds.length > 1 ? t.accountWide : t.charges,
      sections: KIND_SECTIONS.map((s) => ({ title: t[s.title] as string, lines: ofGroup.filter((l) => s.kinds.includes(l.kind)) })).filter((s) => s.lines.length > 0),
    });
  }
  return { groups: [...groups.values()], taxes: lines.filter((l) => l.kind === 'tax') };
}

/**
 * The invoice as a PDF: Letter size, real (selectable) text, as many pages as the lines need,
 * each numbered "Page N of M", in the reader's language (its words, money and dates).
 */
export function renderInvoicePdf(invoice: InvoiceDetail, issuer: InvoiceIssuer, language: Language = 'en'): Uint8Array {
  const t = messagesFor(language).pdf;
  const format = formatterFor(language);
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  doc.setProperties({ title: t.documentTitle(invoice.number), subject: t.documentSubject(issuer.name, invoice.accountNumber), author: issuer.name, creator: 'billing-portal-kit' });
  doc.setLanguage(LOCALES[language] as Parameters<typeof doc.setLanguage>[0]);
  const cents = (c: number) => format.money(c, invoice.currency);
  const right = (text: string, x: number, y: number) => doc.text(text, x, y, { align: 'right' });
  const font = (size: number, style: 'normal' | 'bold' = 'normal', grey = 0) => {
    doc.setFont('helvetica', style);
    doc.setFontSize(size);
    doc.setTextColor(grey);
  };

  const accent = () => issuer.accent && doc.setTextColor(issuer.accent);

  // Header: the issuer on the left, the invoice's facts on the right.
  let y = PAGE.margin + 10;
  font(18, 'bold');
  accent();
  doc.text(issuer.name, PAGE.margin, y);
  font(9, 'normal', GREY);
  const from = [...(doc.splitTextToSize(issuer.address, 220) as string[]), ...(issuer.support ? (doc.splitTextToSize(issuer.support, 220) as string[]) : [])];
  doc.text(from, PAGE.margin, y + 16);
  font(20, 'bold');
  accent();
  right(t.title, COLUMNS.amount, y);
  const facts: [string, string][] = [
    [t.invoiceNumber, invoice.number],
    [t.invoiceDate, format.date(invoice.date)],
    [t.dueDate, format.date(invoice.dueDate)],
    [t.terms, t.netDays(invoice.termsDays)],
    [t.account, invoice.accountNumber],
    [t.status, t.statuses[invoice.status]],
  ];
  facts.forEach(([label, value], i) => {
    font(9, 'normal', GREY);
    right(label, COLUMNS.unit + 10, y + 18 + i * 12);
    font(9, 'bold');
    right(value, COLUMNS.amount, y + 18 + i * 12);
  });

  // Bill to, and the balance due in large type.
  y += 100;
  font(8, 'bold', GREY);
  doc.text(t.billTo, PAGE.margin, y);
  font(10, 'bold');
  doc.text(invoice.accountName, PAGE.margin, y + 14);
  font(10);
  const a = invoice.billingAddress;
  [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country === 'US' ? null : a.country]
    .filter((s): s is string => Boolean(s))
    .forEach((s, i) => doc.text(s, PAGE.margin, y + 27 + i * 12));
  font(8, 'bold', GREY);
  right(t.balanceDue, COLUMNS.amount, y);
  font(22, 'bold');
  right(cents(invoice.balance), COLUMNS.amount, y + 24);
  font(9, 'normal', GREY);
  right(invoice.balance > 0 ? t.payBy(format.date(invoice.dueDate)) : t.thanks, COLUMNS.amount, y + 38);

  // The lines.
  y += 80;
  const tableHeader = () => {
    font(8, 'bold', GREY);
    doc.text(t.description, COLUMNS.description, y);
    right(t.quantity, COLUMNS.quantity, y);
    right(t.unitPrice, COLUMNS.unit, y);
    right(t.amount, COLUMNS.amount, y);
    if (issuer.accent) doc.setDrawColor(issuer.accent);
    else doc.setDrawColor(180);
    doc.line(PAGE.margin, y + 5, COLUMNS.amount, y + 5);
    y += 18;
  };
  /** Starts a new page when `height` more points would not fit. */
  const ensureRoom = (height: number) => {
    if (y + height <= CONTENT_BOTTOM) return;
    doc.addPage();
    y = PAGE.margin + 10;
    tableHeader();
  };
  const row = (line: InvoiceLine, showUnit: boolean) => {
    font(9);
    const wrapped = doc.splitTextToSize(line.description, DESCRIPTION_WIDTH) as string[];
    ensureRoom(wrapped.length * LINE_HEIGHT);
    font(9); // a page break drew the table header in its own type
    doc.text(wrapped, COLUMNS.description + 10, y);
    if (showUnit) {
      right(format.number(line.quantity), COLUMNS.quantity, y);
      right(formatUnitPrice(line.unitPriceMillicents, invoice.currency, LOCALES[language]), COLUMNS.unit, y);
    }
    right(cents(line.amount), COLUMNS.amount, y);
    y += wrapped.length * LINE_HEIGHT;
  };
  const heading = (text: string, size: number, indent: number) => {
    ensureRoom(LINE_HEIGHT * 3); // never leave a heading alone at the foot of a page
    font(size, 'bold');
    const wrapped = doc.splitTextToSize(text, COLUMNS.amount - PAGE.margin - indent) as string[];
    doc.text(wrapped, PAGE.margin + indent, y);
    y += wrapped.length * (size + 3) + 2;
  };

  tableHeader();
  const { groups, taxes } = groupLines(invoice.lines, t);
  for (const group of groups) {
    heading(group.title, 10, 0);
    for (const section of group.sections) {
      heading(section.title, 9, 4);
      for (const line of section.lines) row(line, true);
      y += 4;
    }
    y += 6;
  }
  if (taxes.length) {
    heading(t.taxes, 10, 0);
    for (const line of taxes) row(line, false);
    y += 6;
  }

  // Totals.
  const totals: [string, number, boolean][] = [
    [t.subtotal, invoice.subtotal, false],
    [t.taxes, invoice.tax, false],
    [t.total, invoice.total, true],
    [t.paymentsReceived, invoice.paid === 0 ? 0 : -invoice.paid, false],
    [t.balanceDueTotal, invoice.balance, true],
  ];
  ensureRoom(totals.length * 15 + 10);
  doc.setDrawColor(180);
  doc.line(COLUMNS.quantity - 40, y - 4, COLUMNS.amount, y - 4);
  y += 8;
  for (const [label, value, strong] of totals) {
    font(10, strong ? 'bold' : 'normal');
    right(label, COLUMNS.unit, y);
    right(cents(value), COLUMNS.amount, y);
    y += 15;
  }

  // How to pay.
  y += 10;
  const howToPay = [
    t.payOnline(issuer.portalUrl),
    t.payByCheque(issuer.name, issuer.address, invoice.number, invoice.accountNumber),
    t.lateCharge,
  ];
  font(9);
  const payLines = howToPay.flatMap((p) => doc.splitTextToSize(p, COLUMNS.amount - PAGE.margin) as string[]);
  ensureRoom(payLines.length * 12 + 16);
  font(10, 'bold');
  doc.text(t.howToPay, PAGE.margin, y);
  font(9);
  doc.text(payLines, PAGE.margin, y + 14);

  // Footers, once the page count is known.
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    font(8, 'normal', GREY);
    doc.text(t.footer(issuer.name, invoice.number, invoice.accountNumber), PAGE.margin, PAGE.height - PAGE.margin + 10);
    right(t.pageOf(page, pages), COLUMNS.amount, PAGE.height - PAGE.margin + 10);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
