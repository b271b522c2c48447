import { css } from 'lit';
import { token } from '../styles/tokens.ts';

export const portalStyles = css`
  :host {
    display: block;
    /* Laid out for the width the host page gives it, not the window's (see the queries below). */
    container-type: inline-size;
    background: ${token('color-bg')};
    color: ${token('color-text')};
    border-radius: ${token('radius-md')};
    overflow: hidden;
  }
  .sign-in {
    display: grid;
    grid-template-columns: minmax(14rem, 1fr) minmax(18rem, 26rem);
    gap: ${token('space-8')};
    align-items: center;
    padding: ${token('space-8')};
  }
  @container (max-width: 44rem) {
    .sign-in {
      grid-template-columns: minmax(0, 1fr);
      gap: ${token('space-4')};
      padding: ${token('space-4')};
    }
  }
  .brand-panel {
    display: grid;
    gap: ${token('space-2')};
  }
  .brand-panel .brand-name {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    font-size: ${token('font-size-xl')};
    font-weight: ${token('font-weight-bold')};
    color: ${token('color-primary')};
  }
  .logo-mark {
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font-weight: ${token('font-weight-bold')};
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-4')};
    padding: ${token('space-3')} ${token('space-6')};
    background: ${token('color-header-bg')};
    color: ${token('color-header-text')};
  }
  header .brand {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    font-weight: ${token('font-weight-bold')};
    font-size: ${token('font-size-lg')};
  }
  header .brand .logo-mark {
    background: ${token('color-header-text')};
    color: ${token('color-header-bg')};
  }
  header .user {
    display: flex;
    align-items: center;
    gap: ${token('space-3')};
    margin-left: auto;
  }
  header .link-button {
    color: inherit;
  }
  /* The ring in the header's own text colour: the brand colour does not show on the brand's dark bar. */
  header :focus-visible {
    outline-color: ${token('color-header-text')};
  }
  header select {
    min-height: 2.25rem;
    min-width: 0;
    max-width: min(22rem, 100%);
    padding: 0 ${token('space-2')};
    border-radius: ${token('radius-sm')};
    border: 1px solid ${token('color-border-strong')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    font: inherit;
  }
  header label {
    font-size: ${token('font-size-sm')};
  }
  nav {
    border-bottom: 1px solid ${token('color-border')};
    background: ${token('color-surface')};
    padding: 0 ${token('space-6')};
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav button {
    padding: ${token('space-3')} ${token('space-4')};
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: ${token('color-text')};
    font: inherit;
    cursor: pointer;
  }
  nav button:hover {
    color: ${token('color-primary')};
  }
  nav button[aria-current='page'] {
    border-bottom-color: ${token('color-primary')};
    color: ${token('color-primary')};
    font-weight: ${token('font-weight-bold')};
  }
  nav .badge {
    display: inline-block;
    min-width: 1.5em;
    margin-left: ${token('space-1')};
    padding: 0 ${token('space-1')};
    border-radius: 999px;
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    text-align: center;
  }
  main {
    display: grid;
    /* minmax(0, …): a wide table scrolls or stacks inside its panel instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: ${token('space-6')};
    padding: ${token('space-6')};
  }
  @container (max-width: 36rem) {
    header,
    nav {
      padding-inline: ${token('space-3')};
    }
    main {
      gap: ${token('space-4')};
      padding: ${token('space-3')};
    }
    nav button {
      padding-inline: ${token('space-3')};
    }
  }
  main h1 {
    margin: 0;
    font-size: ${token('font-size-xl')};
  }
  main h1:focus {
    outline: none;
  }
  .subtitle {
    margin: ${token('space-1')} 0 0;
    color: ${token('color-text-muted')};
  }
  .back-to-head-office {
    margin: 0 0 ${token('space-2')};
  }
  .back-to-head-office button {
    text-align: left;
  }
  .centered {
    padding: ${token('space-8')};
  }
  /* A reseller's logo: as tall as the letter mark, never wider than a column of the header. */
  .logo {
    display: block;
    height: 2.25rem;
    width: auto;
    max-width: min(10rem, 40vw);
    object-fit: contain;
  }
  .support {
    margin: 0;
    font-size: ${token('font-size-sm')};
    color: ${token('color-text-muted')};
    overflow-wrap: anywhere;
  }
  .support a {
    color: ${token('color-primary')};
  }
  footer .support {
    padding: 0 ${token('space-6')} ${token('space-6')};
  }
  @container (max-width: 36rem) {
    footer .support {
      padding-inline: ${token('space-3')};
    }
  }
  /* The language menu sits with the user's name, Change password and Logout; on a narrow screen they wrap. */
  header .user {
    flex-wrap: wrap;
    justify-content: flex-end;
  }
  header .user [aria-current='page'] {
    font-weight: ${token('font-weight-bold')};
  }
  /* A form of a few fields (Change password) reads better not stretched across a wide screen. */
  .panel.narrow {
    max-width: 32rem;
  }
`;
