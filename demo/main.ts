import '../components/index.ts';

// This page, not the element, owns the URL: it hands links from mails to the portal and
// then removes the one-time token from the address bar (and from the browser history).
const portal = document.querySelector('bp-portal')!;
const params = new URLSearchParams(location.search);
const activate = params.get('activate');
const reset = params.get('reset');
if (activate) portal.activationToken = activate;
if (reset) portal.resetToken = reset;
if (activate || reset) history.replaceState(null, '', location.pathname);
portal.addEventListener('bp-login', () => {
  portal.activationToken = '';
  portal.resetToken = '';
});
