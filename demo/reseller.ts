import '../components/index.ts';

// The reseller page places single widgets: sign-in stays until someone signs in.
const login = document.querySelector('bp-login')!;
document.addEventListener('bp-login', () => login.remove());
