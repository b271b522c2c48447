#!/usr/bin/env node
// Fills the pseudo-locale en-XA (components/i18n/xliff/en-XA.xlf) from the English sources, after
// `lit-localize extract`: every string is marked ⟦…⟧, its letters accented and its length grown by
// about a third. Rendered in en-XA, any text of an element without the marks was not localized
// (test/components/localized.test.ts), and longer words show where a layout would break.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../components/i18n/xliff/en-XA.xlf', import.meta.url);
const ACCENTS = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', Y: 'Ý' };

/** The text between placeholders, accented; placeholders (<x …/>) and entities kept as they are. */
function pseudo(source) {
  const pieces = source.split(/(<x [^>]*\/>|&[a-z]+;|&#\d+;)/);
  const letters = pieces.filter((p, i) => i % 2 === 0).join('').length;
  const accented = pieces.map((p, i) => (i % 2 ? p : p.replace(/[a-zA-Z]/g, (ch) => ACCENTS[ch] ?? ch))).join('');
  return `⟦${accented}${'·'.repeat(Math.ceil(letters / 3))}⟧`;
}

const xliff = readFileSync(path, 'utf8').replace(
  /(<trans-unit id="[^"]+">\s*<source>(.*?)<\/source>)(\s*<target>.*?<\/target>)?/gs,
  (_all, head, source) => `${head}\n  <target>${pseudo(source)}</target>`,
);
writeFileSync(path, xliff);
