import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../components/base/define.ts';

/** Registering through the kit's entries (components/base/define.ts). */
describe('defineElement', () => {
  const warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => (console.warn = warn));

  it('registers an element and those it shows, once, however many entries register them', () => {
    class Shown extends LitElement {
      static readonly tag = 'bp-test-shown';
    }
    class Showing extends LitElement {
      static readonly tag = 'bp-test-showing';
      static readonly elements = [Shown];
    }
    defineElement(Showing);
    defineElement(Shown);
    defineElement(Showing);
    expect(customElements.get('bp-test-showing')).to.equal(Showing);
    expect(customElements.get('bp-test-shown')).to.equal(Shown);
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy of the kit (another address) keeps the first definition and says why its elements do not work', () => {
    class First extends LitElement {
      static readonly tag = 'bp-test-copied';
    }
    class SecondCopy extends LitElement {
      static readonly tag = 'bp-test-copied';
    }
    defineElement(First);
    defineElement(SecondCopy);
    expect(customElements.get('bp-test-copied')).to.equal(First);
    expect(warnings).to.deep.equal(['<bp-test-copied> is already defined by another copy of billing-portal-kit: load every element from one address.']);
  });
});
