// The card frame's script: served by the portal server into a sandboxed iframe. The card fields
// live only here; the host page asks for a token by message and gets back Accept.js's one-time
// opaque data, the brand, the last four digits and the name on the card. Plain JavaScript: it runs as is.
(() => {
  const body = document.body;
  const hostOrigin = body.dataset.origin;
  /** What to say about a field, in the payment form's language (the page puts them in data-messages). */
  const say = JSON.parse(body.dataset.messages || '{}');
  const form = document.querySelector('form');
  const field = (name) => form.elements.namedItem(name);
  /** The fields with an error line; the expiry's month and year share the month's. */
  const names = ['firstName', 'lastName', 'cardNumber', 'month', 'cardCode'];

  const digits = (s) => s.replace(/[\s-]/g, '');
  const luhn = (number) => {
    let sum = 0;
    for (let i = 0; i < number.length; i++) {
      let d = Number(number[number.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return sum % 10 === 0;
  };
  const brandOf = (n) =>
    /^4/.test(n) ? 'Visa' : /^(5[1-5]|2[2-7])/.test(n) ? 'MasterCard' : /^3[47]/.test(n) ? 'AmericanExpress' : /^6(011|5)/.test(n) ? 'Discover' : /^35/.test(n) ? 'JCB' : /^3[068]/.test(n) ? 'DinersClub' : 'Card';

  function showErrors(errors) {
    for (const name of names) {
      const error = errors.find((e) => e.field === name);
      for (const input of name === 'month' ? [field('month'), field('year')] : [field(name)]) input.setAttribute('aria-invalid', error ? 'true' : 'false');
      document.getElementById(`${name}-error`).textContent = error ? error.message : '';
    }
    // Focus stays with the form: its error summary links here (bp-card:focus).
  }

  function check() {
    const errors = [];
    const number = digits(field('cardNumber').value);
    if (!field('firstName').value.trim()) errors.push({ field: 'firstName', message: say.firstName });
    if (!field('lastName').value.trim()) errors.push({ field: 'lastName', message: say.lastName });
    if (!/^\d{12,19}$/.test(number) || !luhn(number)) errors.push({ field: 'cardNumber', message: say.cardNumber });
    const month = Number(field('month').value);
    const year = Number(field('year').value);
    const now = new Date();
    if (!month || !year) errors.push({ field: 'month', message: say.expiry });
    else if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) errors.push({ field: 'month', message: say.expired });
    if (!/^\d{3,4}$/.test(field('cardCode').value.trim())) errors.push({ field: 'cardCode', message: say.cardCode });
    return errors;
  }

  /** Accept.js's error codes, by the field they are about. */
  const FIELD_OF_CODE = { E_WC_05: 'cardNumber', E_WC_06: 'month', E_WC_07: 'month', E_WC_08: 'month', E_WC_15: 'cardCode', E_WC_17: 'firstName' };

  const reply = (message) => window.parent.postMessage(message, hostOrigin);

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    const message = event.data;
    // The form's error summary links to a card field: it is focused here, where it lives.
    if (message && message.type === 'bp-card:focus') {
      const target = names.includes(message.field) ? field(message.field) : field('firstName');
      target.focus();
      return;
    }
    if (!message || (message.type !== 'bp-card:tokenize' && message.type !== 'bp-card:validate')) return;
    const errors = check();
    showErrors(errors);
    // bp-card:validate: the form found errors of its own and lists these with them, all at once.
    if (errors.length || message.type === 'bp-card:validate') return reply({ type: 'bp-card:result', id: message.id, ok: !errors.length, errors });
    const number = digits(field('cardNumber').value);
    const secureData = {
      authData: { clientKey: body.dataset.clientKey, apiLoginID: body.dataset.apiLoginId },
      cardData: {
        cardNumber: number,
        month: String(field('month').value).padStart(2, '0'),
        year: String(field('year').value),
        cardCode: field('cardCode').value.trim(),
        fullName: `${field('firstName').value.trim()} ${field('lastName').value.trim()}`,
        ...(message.zip ? { zip: String(message.zip) } : {}),
      },
    };
    window.Accept.dispatchData(secureData, (response) => {
      if (!response || !response.messages || response.messages.resultCode !== 'Ok') {
        const list = (response && response.messages && response.messages.message) || [{ code: 'E_WC_14', text: say.unchecked }];
        const mapped = list.map((m) => ({ field: FIELD_OF_CODE[m.code] || 'card', message: m.text }));
        showErrors(mapped);
        return reply({ type: 'bp-card:result', id: message.id, ok: false, errors: mapped });
      }
      // The digits are not needed any more: the token stands for them, once.
      field('cardNumber').value = '';
      field('cardCode').value = '';
      // The name on the card is not card data: the payment's billing name comes from it.
      const name = { firstName: field('firstName').value.trim(), lastName: field('lastName').value.trim() };
      reply({ type: 'bp-card:result', id: message.id, ok: true, opaqueData: response.opaqueData, card: { brand: brandOf(number), last4: number.slice(-4) }, name });
    });
  });

  // Escape in a card field closes the form as it does in the form's own fields (keys do not leave a frame).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') reply({ type: 'bp-card:escape' });
  });

  // The frame tells its height: when ready (a first resize may not be observed) and on each change.
  // The body's own height: the document's would never shrink below the frame's current height.
  const height = () => Math.ceil(document.body.getBoundingClientRect().height);
  new ResizeObserver(() => reply({ type: 'bp-card:resize', height: height() })).observe(document.body);
  reply({ type: 'bp-card:ready', height: height() });
})();
