/**
 * The kit's CSS and HTML are written in Lit's css`` and html`` templates, indented and commented
 * for people: about two fifths of the shipped code was that whitespace. This build step takes it
 * out of the templates' static text (never out of what an expression puts in), so that the
 * browser builds the same styles and the same DOM from fewer bytes:
 *
 * - CSS: comments go; whitespace goes where CSS ignores it (around `{ } ; , > ~`, after `:` and
 *   `(`, before `)`), and the rest becomes one space; the `;` before `}` goes. Quoted strings
 *   are left as written, as is the space after a colon in an at-rule's condition. A space before `(` stays (`and (min-width…)`), as does one around `+`
 *   and `-` (`calc(1rem + 2px)`) and before `:` (`.row :is(a)`).
 * - HTML: comments go; inside a tag, whitespace between attributes becomes one space (none before
 *   `>`); in text, a run of whitespace that holds a line break becomes that one line break
 *   (which renders as the run did: a space, or a line break under `pre-line`), other spaces
 *   stay. Attribute values, and the contents of `<pre>`, `<textarea>`, `<script>` and `<style>`,
 *   are left as written.
 * - A template inside `msg(…)` is left alone: @lit/localize finds its translation by a hash of
 *   the template's text.
 *
 * The functions take a template's raw text pieces (the source between its expressions) and
 * return them minified, piece for piece, so every expression keeps its place. Anything they do
 * not understand (an unclosed comment, quote or tag at the end) leaves the template as it was.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

const SPACE = /[ \t\n\r\f]/;
/** CSS needs no whitespace after these… */
const CSS_TIGHT_AFTER = new Set(['{', '}', ';', ',', '>', '~', ':', '(']);
/** …nor before these. */
const CSS_TIGHT_BEFORE = new Set(['{', '}', ';', ',', '>', '~', ')']);

/** A css`` template's pieces, minified (see above). */
export function minifyCss(pieces: readonly string[]): string[] {
  const out: string[] = [];
  let inPrelude = false;
  for (let p = 0; p < pieces.length; p++) {
    const text = pieces[p]!;
    let result = '';
    // Whitespace seen and not yet written; at the start of a piece after an expression it counts.
    let pendingSpace = p > 0 && SPACE.test(text[0] ?? '');
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (SPACE.test(c)) {
        pendingSpace = true;
        i++;
        continue;
      }
      if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return [...pieces];
        i = end + 2;
        continue;
      }
      let token: string;
      if (c === '"' || c === "'") {
        const end = closingQuote(text, i);
        if (end < 0) return [...pieces];
        token = text.slice(i, end + 1);
      } else if (c === '\\') {
        token = text.slice(i, i + 2);
      } else {
        token = c;
      }
      if (pendingSpace) {
        const before = result.length ? result[result.length - 1]! : p > 0 ? '' : '{';
        // An at-rule's condition (`@supports (color: red)`) keeps its space after a colon.
        const tight = CSS_TIGHT_AFTER.has(before) && !(before === ':' && inPrelude);
        if (!tight && !CSS_TIGHT_BEFORE.has(c)) result += ' ';
        pendingSpace = false;
      }
      if (c === '@') inPrelude = true;
      else if (c === '{' || c === '}' || c === ';') inPrelude = false;
      if (c === '}' && result.endsWith(';')) result = result.slice(0, -1);
      result += token;
      i += token.length;
    }
    // Whitespace before the next expression stays (one space), unless CSS ignores it there.
    if (pendingSpace && p < pieces.length - 1 && !CSS_TIGHT_AFTER.has(result[result.length - 1] ?? '')) result += ' ';
    out.push(result);
  }
  return out;
}

/** The index of the quote closing the string that opens at `start` (a backslash escapes), or -1. */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** Elements whose text is kept as written. */
const VERBATIM = new Set(['pre', 'textarea', 'script', 'style']);

type HtmlState = { in: 'text' } | { in: 'tag'; name: string; closing: boolean } | { in: 'quoted'; quote: string; name: string; closing: boolean } | { in: 'verbatim'; name: string };

/** An html`` (or svg``) template's pieces, minified (see above). */
export function minifyHtml(pieces: readonly string[]): string[] {
  const out: string[] = [];
  let state: HtmlState = { in: 'text' };
  for (const text of pieces) {
    let result = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (state.in === 'verbatim') {
        const end = text.toLowerCase().indexOf(`</${state.name}`, i);
        if (end < 0) {
          result += text.slice(i);
          break;
        }
        result += text.slice(i, end);
        i = end;
        state = { in: 'text' };
        continue;
      }
      if (state.in === 'quoted') {
        const end = text.indexOf(state.quote, i);
        if (end < 0) {
          result += text.slice(i);
          break;
        }
        result += text.slice(i, end + 1);
        i = end + 1;
        state = { in: 'tag', name: state.name, closing: state.closing };
        continue;
      }
      if (state.in === 'tag') {
        if (SPACE.test(c)) {
          let j = i;
          while (j < text.length && SPACE.test(text[j]!)) j++;
          if (text[j] !== '>') result += ' ';
          i = j;
        } else if (c === '"' || c === "'") {
          state = { in: 'quoted', quote: c, name: state.name, closing: state.closing };
          result += c;
          i++;
        } else if (c === '>') {
          result += c;
          i++;
          state = !state.closing && VERBATIM.has(state.name) ? { in: 'verbatim', name: state.name } : { in: 'text' };
        } else {
          result += c;
          i++;
        }
        continue;
      }
      // Text. A comment goes, and the whitespace on its two sides becomes one run.
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) return [...pieces];
        const before = /[ \t\n\r\f]*$/.exec(result)![0];
        result = result.slice(0, result.length - before.length);
        let j = end + 3;
        while (j < text.length && SPACE.test(text[j]!)) j++;
        const run = before + text.slice(end + 3, j);
        result += run.includes('\n') ? '\n' : run;
        i = j;
        continue;
      }
      const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(text.slice(i, i + 64));
      if (tag) {
        state = { in: 'tag', name: tag[2]!.toLowerCase(), closing: tag[1] === '/' };
        result += tag[0];
        i += tag[0].length;
        continue;
      }
      if (SPACE.test(c)) {
        let j = i;
        while (j < text.length && SPACE.test(text[j]!)) j++;
        const run = text.slice(i, j);
        result += run.includes('\n') ? '\n' : run;
        i = j;
        continue;
      }
      result += c;
      i++;
    }
    out.push(result);
  }
  if (state.in !== 'text') return [...pieces];
  return out;
}

/** The raw text of each piece of a template literal, with where it lies in the source. */
function templatePieces(template: ts.TemplateLiteral, source: ts.SourceFile): { start: number; end: number }[] {
  // A piece's text lies between its delimiters: ` or } before, ` or ${ after.
  const span = (node: ts.Node, closeLength: number) => ({ start: node.getStart(source) + 1, end: node.end - closeLength });
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [span(template, 1)];
  return [span(template.head, 2), ...template.templateSpans.map((s) => span(s.literal, ts.isTemplateTail(s.literal) ? 1 : 2))];
}

const insideMsg = (node: ts.Node): boolean => {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'msg') return true;
  }
  return false;
};

export interface TaggedTemplate {
  tag: 'css' | 'html' | 'svg';
  /** Where each piece of raw text lies in the source (between the backtick, `${` and `}`). */
  pieces: { start: number; end: number }[];
  /** An argument of msg(…), whose text is its translation's key. */
  inMsg: boolean;
}

/** The css``, html`` and svg`` templates of a module. */
export function taggedTemplates(code: string, fileName = 'module.ts'): TaggedTemplate[] {
  if (!/\b(css|html|svg)`/.test(code)) return [];
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: TaggedTemplate[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      found.push({ tag: node.tag.text as TaggedTemplate['tag'], pieces: templatePieces(node.template, source), inMsg: insideMsg(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A module's source with its css``, html`` and svg`` templates minified (those in msg(…) left alone). */
export function minifyTemplatesIn(code: string, fileName = 'module.ts'): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const template of taggedTemplates(code, fileName)) {
    if (template.inMsg) continue;
    const minified = (template.tag === 'css' ? minifyCss : minifyHtml)(template.pieces.map((p) => code.slice(p.start, p.end)));
    template.pieces.forEach((p, k) => edits.push({ ...p, text: minified[k]! }));
  }
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The build step: the kit's own modules (components/), before TypeScript is stripped. */
export function minifyTemplates(): Plugin {
  return {
    name: 'bp:minify-templates',
    enforce: 'pre',
    apply: 'build',
    transform: {
      filter: { id: /\/components\/.*\.ts$/ },
      handler(code, id) {
        const minified = minifyTemplatesIn(code, id);
        return minified === code ? null : { code: minified, map: null };
      },
    },
  };
}
