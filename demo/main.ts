import '../components/index.ts';

// This page, not the element, owns the URL: it hands links from mails to the portal and
// then removes the one-time token from the address bar (and from the browser history).
const portal = document.querySelector('bp-portal')!;
const params = new URLSearchParams(location.search);
const activate = params.get('activate');
const reset = params.get('reset');
if (activate) portal.activationToken = activate;
if (reset) portal.resetToken = reset;
// Links mailed to a reseller's customer name the reseller: the sign-in screen shows its brand.
const reseller = params.get('reseller');
if (reseller) portal.reseller = reseller;
if (activate || reset) history.replaceState(null, '', reseller ? `${location.pathname}?reseller=${encodeURIComponent(reseller)}` : location.pathname);
portal.addEventListener('bp-login', () => {
  portal.activationToken = '';
  portal.resetToken = '';
});
