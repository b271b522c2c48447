import '../components/index.ts';
import { brandStyle, THEME_BRANDS, type ThemeBrandId } from './brands.ts';

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
// A ticket mail links to ?account=C123456&ticket=282: the portal opens it after sign-in.
const ticket = Number(params.get('ticket'));
if (ticket > 0) {
  portal.account = params.get('account');
  portal.ticket = ticket;
}
// ?brand=acme (or midnight) shows the portal in one of demo/brands.ts's brands, set as tokens on
// the element (through the CSSOM: the page's policy allows no style attribute); ?theme=light,
// dark or auto (the default) picks the theme.
const brand = params.get('brand');
if (brand && brand in THEME_BRANDS) {
  for (const [name, value] of Object.entries(brandStyle(brand as ThemeBrandId))) portal.style.setProperty(name, value);
  document.body.dataset.brand = brand;
}
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark' || theme === 'auto') portal.theme = theme;

portal.addEventListener('bp-login', () => {
  portal.activationToken = '';
  portal.resetToken = '';
});
