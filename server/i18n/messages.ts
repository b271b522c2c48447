/**
 * What the server writes for people (invoice PDFs, mails) in each of the portal's languages.
 * The browser has its own catalogue (components/i18n, lit-localize); these are the few texts
 * only the server writes. Money and dates go through Intl in the language's locale.
 */
import { LANGUAGES, type Language } from '../db/enums.ts';
import { formatMoney } from '../services/money-format.ts';

export { LANGUAGES, type Language };

/** The Intl locale of each language. */
export const LOCALES: Record<Language, string> = { en: 'en-US', fr: 'fr', es: 'es' };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The language a stored or given value names; English for none or one we do not have. */
export const languageOrEnglish = (value: unknown): Language => (isLanguage(value) ? value : 'en');

/**
 * The best of our languages for an `Accept-Language` header ("fr-CA,fr;q=0.9,en;q=0.8"), or
 * null when it names none of them.
 */
export function languageFromHeader(header: string | null | undefined): Language | null {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { base: tag.trim().toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((t) => t.q > 0 && isLanguage(t.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.base as Language | undefined) ?? null;
}

// One NumberFormat per locale and unit, kept: building one costs far more than using it.
const durationFormats = new Map<string, Intl.NumberFormat>();
function durationFormat(locale: string, unit: 'minute' | 'hour'): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let format = durationFormats.get(key);
  if (!format) durationFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })));
  return format;
}

/** Formats money, dates and durations in one language. */
export function formatterFor(language: Language) {
  const locale = LOCALES[language];
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    // Narrow no-break spaces (French thousands) are not in the PDF's standard fonts: a no-break space reads the same.
    money: (cents: number, currency: string) => formatMoney(cents, currency, locale).replace(/\u202f/g, '\u00a0'),
    /** "2026-11-01" → "November 1, 2026", "1 novembre 2026", "1 de noviembre de 2026". */
    date: (isoDate: string) => dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    number: (n: number) => n.toLocaleString(locale),
    /** 30, 'minute' → "30 minutes", "30 minutes", "30 minutos"; 1, 'hour' → "1 hour", "1 heure", "1 hora". */
    duration: (n: number, unit: 'minute' | 'hour') => durationFormat(locale, unit).format(n),
  };
}

type InvoiceStatus = 'open' | 'paid' | 'past_due' | 'void';

/** The card frame's words: its labels, and what its script says about a field (data-messages). */
export interface CardFrameMessages {
  title: string;
  form: string;
  firstName: string;
  lastName: string;
  cardNumber: string;
  expiry: string;
  expiryMonth: string;
  expiryYear: string;
  month: string;
  year: string;
  cardCode: string;
  errors: { firstName: string; lastName: string; cardNumber: string; expiry: string; expired: string; cardCode: string; unchecked: string };
}

export interface Messages {
  cardFrame: CardFrameMessages;
  pdf: {
    title: string;
    invoiceNumber: string;
    invoiceDate: string;
    dueDate: string;
    terms: string;
    netDays(days: number): string;
    account: string;
    status: string;
    statuses: Record<InvoiceStatus, string>;
    billTo: string;
    balanceDue: string;
    payBy(date: string): string;
    thanks: string;
    description: string;
    quantity: string;
    unitPrice: string;
    amount: string;
    recurringCharges: string;
    usage: string;
    otherCharges: string;
    accountWide: string;
    charges: string;
    taxes: string;
    subtotal: string;
    total: string;
    paymentsReceived: string;
    balanceDueTotal: string;
    howToPay: string;
    payOnline(portalUrl: string): string;
    payByCheque(issuer: string, address: string, invoice: string, account: string): string;
    lateCharge: string;
    documentTitle(invoice: string): string;
    documentSubject(issuer: string, account: string): string;
    footer(issuer: string, invoice: string, account: string): string;
    pageOf(page: number, pages: number): string;
  };
  mail: {
    hello(name: string): string;
    signature(sender: string): string;
    cardEnding(brand: string, last4: string): string;
    /** A payment's card when the gateway did not name it, and the saved one of autopay. */
    card: string;
    cardOnFile: string;
    credit(amount: string): string;
    receiptSubject(amount: string, account: string): string;
    receiptBody(r: { account: string; accountName: string; amount: string; card: string; date: string; transaction: string; balance: string; portalUrl: string }): string;
    autopayFailedSubject(account: string): string;
    autopayFailedBody(m: { amount: string; card: string; account: string; accountName: string; dueDate: string; reason: string; portalUrl: string }): string;
    /** A new invoice; `autopay` names the card that will pay it, or is null (paid by hand). */
    invoiceSubject(invoice: string, total: string, dueDate: string): string;
    invoiceBody(m: { invoice: string; account: string; accountName: string; issueDate: string; total: string; dueDate: string; balance: string; autopay: string | null; portalUrl: string }): string;
    ticketSubject(ticket: number, subject: string, opened: boolean): string;
    ticketBody(m: { author: string; sender: string; opened: boolean; ticket: number; subject: string; account: string; accountName: string; quoted: string; attachments: string; link: string }): string;
    attachments(names: string): string;
    /** The invitation of a new user; `validFor` is a written duration ("72 hours"). */
    activationSubject(sender: string): string;
    activationBody(m: { sender: string; validFor: string; link: string }): string;
    resetSubject(sender: string): string;
    resetBody(m: { validFor: string; link: string }): string;
    /** To a user who already has a sign-in, added to one more account. */
    accessGrantedSubject(accountName: string): string;
    accessGrantedBody(m: { accountName: string; link: string }): string;
  };
}

const en: Messages = {
  cardFrame: {
    title: 'Card details',
    form: 'Credit card',
    firstName: 'First name on card',
    lastName: 'Last name on card',
    cardNumber: 'Card number',
    expiry: 'Expiry',
    expiryMonth: 'Expiry month',
    expiryYear: 'Expiry year',
    month: 'Month',
    year: 'Year',
    cardCode: 'Card security code',
    errors: {
      firstName: 'Enter the first name on the card.',
      lastName: 'Enter the last name on the card.',
      cardNumber: 'Enter the card number as printed on the card.',
      expiry: 'Choose the expiry month and year.',
      expired: 'This card has expired.',
      cardCode: 'Enter the 3 or 4 digit security code.',
      unchecked: 'The card could not be checked.',
    },
  },
  pdf: {
    title: 'INVOICE',
    invoiceNumber: 'Invoice #',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    terms: 'Terms',
    netDays: (days) => `Net ${days} days`,
    account: 'Account #',
    status: 'Status',
    statuses: { open: 'Open', paid: 'Paid', past_due: 'Past due', void: 'Void' },
    billTo: 'BILL TO',
    balanceDue: 'BALANCE DUE',
    payBy: (date) => `by ${date}`,
    thanks: 'Thank you for your payment',
    description: 'DESCRIPTION',
    quantity: 'QTY',
    unitPrice: 'UNIT PRICE',
    amount: 'AMOUNT',
    recurringCharges: 'Recurring charges',
    usage: 'Usage',
    otherCharges: 'Other charges',
    accountWide: 'Account-wide',
    charges: 'Charges',
    taxes: 'Taxes',
    subtotal: 'Subtotal',
    total: 'Total',
    paymentsReceived: 'Payments received',
    balanceDueTotal: 'Balance due',
    howToPay: 'How to pay',
    payOnline: (url) => `Pay online: sign in at ${url} and choose Make a payment, or sign up for automatic payment so each invoice is paid on its due date.`,
    payByCheque: (issuer, address, invoice, account) => `By cheque: payable to ${issuer}, ${address}. Write invoice ${invoice} and account ${account} on it.`,
    lateCharge: 'A late payment charge applies to amounts not received by the due date.',
    documentTitle: (invoice) => `Invoice ${invoice}`,
    documentSubject: (issuer, account) => `${issuer} invoice for ${account}`,
    footer: (issuer, invoice, account) => `${issuer} · Invoice ${invoice} · Account ${account}`,
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
  },
  mail: {
    hello: (name) => `Hello ${name},`,
    signature: (sender) => `— ${sender} customer care`,
    cardEnding: (brand, last4) => `${brand} ending in ${last4}`,
    card: 'card',
    cardOnFile: 'card on file',
    credit: (amount) => `${amount} credit`,
    receiptSubject: (amount, account) => `Payment received: ${amount} for account ${account}`,
    receiptBody: (r) =>
      `Thank you: we received your payment.\n\n` +
      `Account: ${r.account} (${r.accountName})\nAmount: ${r.amount}\nCard: ${r.card}\nDate: ${r.date}\nTransaction: ${r.transaction}\n` +
      `Balance after this payment: ${r.balance}\n\nYour invoices and payments are in the billing portal:\n${r.portalUrl}`,
    invoiceSubject: (invoice, total, dueDate) => `Your invoice ${invoice}: ${total}, due ${dueDate}`,
    invoiceBody: (m) =>
      `Your invoice ${m.invoice} for account ${m.account} (${m.accountName}) is ready.\n\n` +
      `Invoice date: ${m.issueDate}\nInvoice total: ${m.total}\nDue date: ${m.dueDate}\nBalance due on the account: ${m.balance}\n\n` +
      (m.autopay ? `Your ${m.autopay} will be charged the balance due on ${m.dueDate}: there is nothing to do.` : `Please pay by ${m.dueDate} to avoid late payment charges.`) +
      `\n\nSee the invoice, download it as a PDF and pay in the billing portal:\n${m.portalUrl}`,
    autopayFailedSubject: (account) => `Your automatic payment for account ${account} did not go through`,
    autopayFailedBody: (m) =>
      `We tried to charge ${m.amount} to your ${m.card} for the bill of account ${m.account} (${m.accountName}), due ${m.dueDate}, ` +
      `and the card processor refused it:\n${m.reason}\n\n` +
      `Nothing was charged and we will not try this bill again. Please make a payment in the billing portal ` +
      `(and change the card used for automatic payment if it has changed):\n${m.portalUrl}`,
    ticketSubject: (ticket, subject, opened) => `[Ticket ${ticket}] ${opened ? '' : 'Re: '}${subject}`,
    ticketBody: (m) =>
      `${m.author} of ${m.sender} ${m.opened ? 'opened' : 'answered'} ticket ${m.ticket}, "${m.subject}", for account ${m.account} (${m.accountName}):\n\n` +
      `${m.quoted}${m.attachments}\n\nRead it and reply in the billing portal:\n${m.link}`,
    attachments: (names) => `\n\nAttached in the portal (not sent by mail): ${names}`,
    activationSubject: (sender) => `Set up your ${sender} billing portal sign-in`,
    activationBody: (m) =>
      `You have been given access to the ${m.sender} billing portal, where you can see your balance and usage, pay your bill and download invoices.\n\n` +
      `Choose your password here (the link works once and expires in ${m.validFor}):\n${m.link}`,
    resetSubject: (sender) => `Reset your ${sender} billing portal password`,
    resetBody: (m) =>
      `Someone (hopefully you) asked to reset the password of your billing portal sign-in.\n\n` +
      `Choose a new password here (the link works once and expires in ${m.validFor}):\n${m.link}\n\n` +
      `If you did not ask for this, ignore this message: your password stays as it is.`,
    accessGrantedSubject: (accountName) => `You now have access to ${accountName}`,
    accessGrantedBody: (m) => `Your billing portal sign-in can now see the account ${m.accountName}. Sign in as usual:\n${m.link}`,
  },
};

const fr: Messages = {
  cardFrame: {
    title: 'Données de la carte',
    form: 'Carte de crédit',
    firstName: 'Prénom sur la carte',
    lastName: 'Nom sur la carte',
    cardNumber: 'Numéro de carte',
    expiry: 'Expiration',
    expiryMonth: "Mois d'expiration",
    expiryYear: "Année d'expiration",
    month: 'Mois',
    year: 'Année',
    cardCode: 'Code de sécurité de la carte',
    errors: {
      firstName: 'Saisissez le prénom inscrit sur la carte.',
      lastName: 'Saisissez le nom inscrit sur la carte.',
      cardNumber: 'Saisissez le numéro tel qu’il est imprimé sur la carte.',
      expiry: "Choisissez le mois et l'année d'expiration.",
      expired: 'Cette carte est expirée.',
      cardCode: 'Saisissez le code de sécurité à 3 ou 4 chiffres.',
      unchecked: "La carte n'a pas pu être vérifiée.",
    },
  },
  pdf: {
    title: 'FACTURE',
    invoiceNumber: 'Facture n°',
    invoiceDate: 'Date de facture',
    dueDate: "Date d'échéance",
    terms: 'Conditions',
    netDays: (days) => `Net ${days} jours`,
    account: 'Compte n°',
    status: 'État',
    statuses: { open: 'Ouverte', paid: 'Payée', past_due: 'En retard', void: 'Annulée' },
    billTo: 'FACTURÉ À',
    balanceDue: 'SOLDE DÛ',
    payBy: (date) => `au plus tard le ${date}`,
    thanks: 'Merci de votre paiement',
    description: 'DESCRIPTION',
    quantity: 'QTÉ',
    unitPrice: 'PRIX UNITAIRE',
    amount: 'MONTANT',
    recurringCharges: 'Frais récurrents',
    usage: 'Consommation',
    otherCharges: 'Autres frais',
    accountWide: 'Ensemble du compte',
    charges: 'Frais',
    taxes: 'Taxes',
    subtotal: 'Sous-total',
    total: 'Total',
    paymentsReceived: 'Paiements reçus',
    balanceDueTotal: 'Solde dû',
    howToPay: 'Comment payer',
    payOnline: (url) =>
      `Paiement en ligne\u00a0: connectez-vous à ${url} et choisissez Effectuer un paiement, ou inscrivez-vous au paiement automatique pour que chaque facture soit payée à son échéance.`,
    payByCheque: (issuer, address, invoice, account) => `Par chèque\u00a0: à l'ordre de ${issuer}, ${address}. Inscrivez-y la facture ${invoice} et le compte ${account}.`,
    lateCharge: "Des frais de retard s'appliquent aux montants non reçus à l'échéance.",
    documentTitle: (invoice) => `Facture ${invoice}`,
    documentSubject: (issuer, account) => `Facture ${issuer} pour ${account}`,
    footer: (issuer, invoice, account) => `${issuer} · Facture ${invoice} · Compte ${account}`,
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
  },
  mail: {
    hello: (name) => `Bonjour ${name},`,
    signature: (sender) => `— Le service à la clientèle de ${sender}`,
    cardEnding: (brand, last4) => `${brand} se terminant par ${last4}`,
    card: 'carte',
    cardOnFile: 'carte enregistrée',
    credit: (amount) => `${amount} de crédit`,
    receiptSubject: (amount, account) => `Paiement reçu\u00a0: ${amount} pour le compte ${account}`,
    receiptBody: (r) =>
      `Merci\u00a0: nous avons bien reçu votre paiement.\n\n` +
      `Compte\u00a0: ${r.account} (${r.accountName})\nMontant\u00a0: ${r.amount}\nCarte\u00a0: ${r.card}\nDate\u00a0: ${r.date}\nTransaction\u00a0: ${r.transaction}\n` +
      `Solde après ce paiement\u00a0: ${r.balance}\n\nVos factures et vos paiements sont dans le portail de facturation\u00a0:\n${r.portalUrl}`,
    invoiceSubject: (invoice, total, dueDate) => `Votre facture ${invoice}\u00a0: ${total}, à régler avant le ${dueDate}`,
    invoiceBody: (m) =>
      `Votre facture ${m.invoice} pour le compte ${m.account} (${m.accountName}) est disponible.\n\n` +
      `Date de facture\u00a0: ${m.issueDate}\nTotal de la facture\u00a0: ${m.total}\nDate d'échéance\u00a0: ${m.dueDate}\nSolde dû sur le compte\u00a0: ${m.balance}\n\n` +
      (m.autopay ? `Votre ${m.autopay} sera débitée du solde dû le ${m.dueDate}\u00a0: vous n'avez rien à faire.` : `Veuillez régler avant le ${m.dueDate} pour éviter des frais de retard.`) +
      `\n\nConsultez la facture, téléchargez-la en PDF et payez sur le portail de facturation\u00a0:\n${m.portalUrl}`,
    autopayFailedSubject: (account) => `Votre paiement automatique pour le compte ${account} n'a pas abouti`,
    autopayFailedBody: (m) =>
      `Nous avons tenté de débiter ${m.amount} de votre carte ${m.card} pour la facture du compte ${m.account} (${m.accountName}), échéant le ${m.dueDate}, ` +
      `et le processeur de cartes l'a refusé\u00a0:\n${m.reason}\n\n` +
      `Rien n'a été débité et nous ne retenterons pas cette facture. Veuillez effectuer un paiement dans le portail de facturation ` +
      `(et changer la carte du paiement automatique si elle a changé)\u00a0:\n${m.portalUrl}`,
    ticketSubject: (ticket, subject, opened) => `[Billet ${ticket}] ${opened ? '' : 'Re\u00a0: '}${subject}`,
    ticketBody: (m) =>
      `${m.author}, de ${m.sender}, ${m.opened ? 'a ouvert le' : 'a répondu au'} billet ${m.ticket}, «\u00a0${m.subject}\u00a0», pour le compte ${m.account} (${m.accountName})\u00a0:\n\n` +
      `${m.quoted}${m.attachments}\n\nLisez-le et répondez dans le portail de facturation\u00a0:\n${m.link}`,
    attachments: (names) => `\n\nJoint dans le portail (non envoyé par courriel)\u00a0: ${names}`,
    activationSubject: (sender) => `Créez votre accès au portail de facturation de ${sender}`,
    activationBody: (m) =>
      `Vous avez maintenant accès au portail de facturation de ${m.sender}, où vous pouvez consulter votre solde et votre consommation, payer votre facture et télécharger vos factures.\n\n` +
      `Choisissez votre mot de passe ici (le lien ne sert qu'une fois et expire dans ${m.validFor})\u00a0:\n${m.link}`,
    resetSubject: (sender) => `Réinitialisez votre mot de passe du portail de facturation de ${sender}`,
    resetBody: (m) =>
      `Quelqu'un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre accès au portail de facturation.\n\n` +
      `Choisissez un nouveau mot de passe ici (le lien ne sert qu'une fois et expire dans ${m.validFor})\u00a0:\n${m.link}\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message\u00a0: votre mot de passe reste le même.`,
    accessGrantedSubject: (accountName) => `Vous avez maintenant accès à ${accountName}`,
    accessGrantedBody: (m) => `Votre accès au portail de facturation permet maintenant de consulter le compte ${m.accountName}. Connectez-vous comme d'habitude\u00a0:\n${m.link}`,
  },
};

const es: Messages = {
  cardFrame: {
    title: 'Datos de la tarjeta',
    form: 'Tarjeta de crédito',
    firstName: 'Nombre en la tarjeta',
    lastName: 'Apellido en la tarjeta',
    cardNumber: 'Número de tarjeta',
    expiry: 'Vencimiento',
    expiryMonth: 'Mes de vencimiento',
    expiryYear: 'Año de vencimiento',
    month: 'Mes',
    year: 'Año',
    cardCode: 'Código de seguridad de la tarjeta',
    errors: {
      firstName: 'Introduzca el nombre que figura en la tarjeta.',
      lastName: 'Introduzca el apellido que figura en la tarjeta.',
      cardNumber: 'Introduzca el número tal como aparece en la tarjeta.',
      expiry: 'Elija el mes y el año de vencimiento.',
      expired: 'Esta tarjeta está vencida.',
      cardCode: 'Introduzca el código de seguridad de 3 o 4 dígitos.',
      unchecked: 'No se pudo comprobar la tarjeta.',
    },
  },
  pdf: {
    title: 'FACTURA',
    invoiceNumber: 'Factura n.º',
    invoiceDate: 'Fecha de factura',
    dueDate: 'Fecha de vencimiento',
    terms: 'Condiciones',
    netDays: (days) => `Neto ${days} días`,
    account: 'Cuenta n.º',
    status: 'Estado',
    statuses: { open: 'Abierta', paid: 'Pagada', past_due: 'Vencida', void: 'Anulada' },
    billTo: 'FACTURAR A',
    balanceDue: 'SALDO PENDIENTE',
    payBy: (date) => `antes del ${date}`,
    thanks: 'Gracias por su pago',
    description: 'DESCRIPCIÓN',
    quantity: 'CANT.',
    unitPrice: 'PRECIO UNITARIO',
    amount: 'IMPORTE',
    recurringCharges: 'Cargos recurrentes',
    usage: 'Consumo',
    otherCharges: 'Otros cargos',
    accountWide: 'Toda la cuenta',
    charges: 'Cargos',
    taxes: 'Impuestos',
    subtotal: 'Subtotal',
    total: 'Total',
    paymentsReceived: 'Pagos recibidos',
    balanceDueTotal: 'Saldo pendiente',
    howToPay: 'Cómo pagar',
    payOnline: (url) => `Pago en línea: inicie sesión en ${url} y elija Realizar un pago, o inscríbase en el pago automático para que cada factura se pague en su vencimiento.`,
    payByCheque: (issuer, address, invoice, account) => `Con cheque: a nombre de ${issuer}, ${address}. Escriba en él la factura ${invoice} y la cuenta ${account}.`,
    lateCharge: 'Se aplica un recargo por demora a los importes no recibidos en la fecha de vencimiento.',
    documentTitle: (invoice) => `Factura ${invoice}`,
    documentSubject: (issuer, account) => `Factura de ${issuer} para ${account}`,
    footer: (issuer, invoice, account) => `${issuer} · Factura ${invoice} · Cuenta ${account}`,
    pageOf: (page, pages) => `Página ${page} de ${pages}`,
  },
  mail: {
    hello: (name) => `Hola, ${name}:`,
    signature: (sender) => `— Atención al cliente de ${sender}`,
    cardEnding: (brand, last4) => `${brand} terminada en ${last4}`,
    card: 'tarjeta',
    cardOnFile: 'tarjeta registrada',
    credit: (amount) => `${amount} a favor`,
    receiptSubject: (amount, account) => `Pago recibido: ${amount} para la cuenta ${account}`,
    receiptBody: (r) =>
      `Gracias: hemos recibido su pago.\n\n` +
      `Cuenta: ${r.account} (${r.accountName})\nImporte: ${r.amount}\nTarjeta: ${r.card}\nFecha: ${r.date}\nTransacción: ${r.transaction}\n` +
      `Saldo después de este pago: ${r.balance}\n\nSus facturas y pagos están en el portal de facturación:\n${r.portalUrl}`,
    invoiceSubject: (invoice, total, dueDate) => `Su factura ${invoice}: ${total}, vence el ${dueDate}`,
    invoiceBody: (m) =>
      `Su factura ${m.invoice} de la cuenta ${m.account} (${m.accountName}) ya está disponible.\n\n` +
      `Fecha de la factura: ${m.issueDate}\nTotal de la factura: ${m.total}\nFecha de vencimiento: ${m.dueDate}\nSaldo adeudado en la cuenta: ${m.balance}\n\n` +
      (m.autopay ? `Se cargará el saldo adeudado a su ${m.autopay} el ${m.dueDate}: no tiene que hacer nada.` : `Pague antes del ${m.dueDate} para evitar recargos por pago tardío.`) +
      `\n\nConsulte la factura, descárguela en PDF y pague en el portal de facturación:\n${m.portalUrl}`,
    autopayFailedSubject: (account) => `Su pago automático de la cuenta ${account} no se realizó`,
    autopayFailedBody: (m) =>
      `Intentamos cargar ${m.amount} a su tarjeta ${m.card} por la factura de la cuenta ${m.account} (${m.accountName}), con vencimiento el ${m.dueDate}, ` +
      `y el procesador de tarjetas lo rechazó:\n${m.reason}\n\n` +
      `No se cobró nada y no volveremos a intentar esta factura. Realice un pago en el portal de facturación ` +
      `(y cambie la tarjeta del pago automático si ha cambiado):\n${m.portalUrl}`,
    ticketSubject: (ticket, subject, opened) => `[Ticket ${ticket}] ${opened ? '' : 'Re: '}${subject}`,
    ticketBody: (m) =>
      `${m.author}, de ${m.sender}, ${m.opened ? 'abrió el' : 'respondió al'} ticket ${m.ticket}, «${m.subject}», de la cuenta ${m.account} (${m.accountName}):\n\n` +
      `${m.quoted}${m.attachments}\n\nLéalo y responda en el portal de facturación:\n${m.link}`,
    attachments: (names) => `\n\nAdjuntos en el portal (no se envían por correo): ${names}`,
    activationSubject: (sender) => `Configure su acceso al portal de facturación de ${sender}`,
    activationBody: (m) =>
      `Se le ha dado acceso al portal de facturación de ${m.sender}, donde puede consultar su saldo y su consumo, pagar su factura y descargar sus facturas.\n\n` +
      `Elija su contraseña aquí (el enlace funciona una sola vez y vence en ${m.validFor}):\n${m.link}`,
    resetSubject: (sender) => `Restablezca su contraseña del portal de facturación de ${sender}`,
    resetBody: (m) =>
      `Alguien (esperamos que usted) pidió restablecer la contraseña de su acceso al portal de facturación.\n\n` +
      `Elija una nueva contraseña aquí (el enlace funciona una sola vez y vence en ${m.validFor}):\n${m.link}\n\n` +
      `Si no lo pidió, ignore este mensaje: su contraseña sigue siendo la misma.`,
    accessGrantedSubject: (accountName) => `Ahora tiene acceso a ${accountName}`,
    accessGrantedBody: (m) => `Su acceso al portal de facturación ahora puede consultar la cuenta ${m.accountName}. Inicie sesión como siempre:\n${m.link}`,
  },
};

const CATALOGUE: Record<Language, Messages> = { en, fr, es };

/** The texts of a language (English for an unknown or missing one). */
export const messagesFor = (language: string | null | undefined): Messages => CATALOGUE[isLanguage(language) ? language : 'en'];
