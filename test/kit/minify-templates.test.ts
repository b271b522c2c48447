import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../kit/elements.ts';
import { minifyCss, minifyHtml, minifyTemplatesIn, taggedTemplates } from '../../kit/minify-templates.ts';

/**
 * The kit's build takes the indentation and comments out of its css`` and html`` templates
 * (kit/minify-templates.ts). The styles and the DOM a browser builds from them must not change:
 * checked case by case here, then for every template of components/ in Chromium.
 */

describe('CSS in css``', () => {
  test('comments, indentation and the spaces CSS ignores go; the last ; of a block goes', () => {
    assert.deepEqual(minifyCss(['\n  /* a note */\n  :host {\n    display: block;\n    margin: 0 auto;\n  }\n  a > b,\n  c ~ d {\n    color: red;\n  }\n']), [':host{display:block;margin:0 auto}a>b,c~d{color:red}']);
  });

  test('keeps the spaces that mean something: before ( and :, around + and -, and beside an expression', () => {
    assert.deepEqual(minifyCss(['@media screen and (min-width: 30rem) { .row :is(a, b) { width: calc(100% - 2rem + 1px); } }']), ['@media screen and (min-width: 30rem){.row :is(a,b){width:calc(100% - 2rem + 1px)}}']);
    assert.deepEqual(minifyCss(['\n  a {\n    gap: ', ' ', ';\n    margin: 0 0 ', ';\n    border: 1px solid ', ';\n  }\n']), ['a{gap:', ' ', ';margin:0 0 ', ';border:1px solid ', '}']);
    assert.deepEqual(minifyCss([':host {\n  ', '\n  color-scheme: dark;\n}']), [':host{', ' color-scheme:dark}']);
  });

  test('leaves quoted strings as written', () => {
    assert.deepEqual(minifyCss(["a::before { content: ' /*  ;  */ '; font-family: \"A  B\", serif; }"]), ["a::before{content:' /*  ;  */ ';font-family:\"A  B\",serif}"]);
  });

  test('leaves a template it cannot read (an unclosed comment or string) as it was', () => {
    assert.deepEqual(minifyCss(['a { /* open ', ' */ }']), ['a { /* open ', ' */ }']);
  });
});

describe('HTML in html``', () => {
  test('tags lose their line breaks, text keeps one line break per run, comments go', () => {
    assert.deepEqual(
      minifyHtml(['\n      <!-- a note -->\n      <form\n        class="a  b"\n        @submit=', '\n      >\n        <label for="x">Name </label>  <input id="x" .value=', ' />\n      </form>\n    ']),
      ['\n<form class="a  b" @submit=', '>\n<label for="x">Name </label>  <input id="x" .value=', ' />\n</form>\n'],
    );
  });

  test('keeps the space between two expressions, and attribute values across expressions', () => {
    assert.deepEqual(minifyHtml(['<p title="a\n  ', '  b">', ' ', '</p>']), ['<p title="a\n  ', '  b">', ' ', '</p>']);
  });

  test('leaves the text of <pre> and <textarea> as written', () => {
    assert.deepEqual(minifyHtml(['<pre>\n  a\n    b\n</pre>\n  <textarea\n    rows="2"\n  >\n  x\n</textarea>']), ['<pre>\n  a\n    b\n</pre>\n<textarea rows="2">\n  x\n</textarea>']);
  });

  test('leaves a template inside msg() alone: its text is the key of its translation', () => {
    const code = "html`\n  <p>\n    ${msg(html`Pay\n      <b>now</b>`)}\n  </p>\n`";
    assert.equal(minifyTemplatesIn(code), "html`\n<p>\n${msg(html`Pay\n      <b>now</b>`)}\n</p>\n`");
  });
});

/** Every css`` and html`` template of the kit's source, as raw text pieces, with their minified twins. */
function kitTemplates() {
  const files = readdirSync(join(ROOT, 'components'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.includes('locales'));
  return files.flatMap((file) => {
    const code = readFileSync(join(ROOT, 'components', file), 'utf8');
    return taggedTemplates(code, file)
      .filter((t) => !t.inMsg)
      .map((t) => {
        const pieces = t.pieces.map((p) => code.slice(p.start, p.end));
        // The text as the template tag receives it (escapes read), from the raw source.
        const cooked = (raw: string[]) => raw.map((r) => (0, eval)(`\`${r}\``) as string);
        return { file, tag: t.tag, before: cooked(pieces), after: cooked((t.tag === 'css' ? minifyCss : minifyHtml)(pieces)) };
      });
  });
}

describe('every template of the kit, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const templates = kitTemplates();

  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
    // tsx names the functions passed to the page with esbuild's __name helper, which the page lacks.
    await page.evaluate('globalThis.__name = (f) => f');
  });
  after(() => browser?.close());

  test('there are templates to check, and minifying changes them', () => {
    assert.ok(templates.filter((t) => t.tag === 'css').length > 20);
    assert.ok(templates.filter((t) => t.tag === 'html').length > 200);
    assert.ok(templates.some((t) => t.after.join('').length < t.before.join('').length));
  });

  test('each stylesheet parses to the same rules and values', async () => {
    const differ = await page.evaluate((sheets) => {
      // An expression stands for a value (a token), a list of declarations or, in a query, a
      // length. A declaration with var() keeps its text as written, where whitespace after a
      // comma or inside parentheses means nothing (a fallback is read without it): set aside.
      const rules = (pieces: string[]) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(pieces.reduce((text, piece) => text + (/@(media|container)[^{};]*$/.test(text) ? '30rem' : 'var(--bp-x)') + piece));
        return [...sheet.cssRules].map((r) => r.cssText.replace(/([,(])\s+/g, '$1').replace(/\s+\)/g, ')'));
      };
      return sheets.flatMap((s) => {
        const [before, after] = [rules(s.before), rules(s.after)];
        const k = before.findIndex((rule, i) => rule !== after[i]);
        return k < 0 && before.length === after.length ? [] : [`${s.file}: ${before[k]} ≠ ${after[k]}`];
      });
    }, templates.filter((t) => t.tag === 'css'));
    assert.deepEqual(differ, []);
  });

  test('each HTML template parses to the same elements, attributes and text (whitespace runs as the browser renders them)', async () => {
    const differ = await page.evaluate((htmls) => {
      const VERBATIM = new Set(['PRE', 'TEXTAREA', 'SCRIPT', 'STYLE']);
      // A comment is not rendered: the text on either side of it renders as one.
      const describe = (node: Node, verbatim = false): unknown => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent;
        if (node.nodeType === Node.COMMENT_NODE) return null;
        const inner = verbatim || VERBATIM.has((node as Element).tagName);
        const children: unknown[] = [];
        for (const child of [...node.childNodes].map((c) => describe(c, inner)).filter((c) => c !== null)) {
          if (typeof child === 'string' && typeof children.at(-1) === 'string') children[children.length - 1] += child;
          else children.push(child);
        }
        const text = children.map((c) => (typeof c === 'string' && !inner ? c.replace(/\s+/g, ' ') : c));
        if (node instanceof Element) return [node.tagName, [...node.attributes].map((a) => [a.name, a.value]), text];
        return text;
      };
      const dom = (pieces: string[]) => {
        const template = document.createElement('template');
        // Where an expression is, Lit puts a marker: text here, the same in both.
        template.innerHTML = pieces.join('bp-x');
        return JSON.stringify(describe(template.content));
      };
      return htmls.filter((h) => dom(h.before) !== dom(h.after)).map((h) => `${h.file}: ${h.before.join('${}').slice(0, 80)}`);
    }, templates.filter((t) => t.tag !== 'css'));
    assert.deepEqual(differ, []);
  });
});
