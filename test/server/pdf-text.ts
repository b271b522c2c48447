// pdf.js takes the bytes over (detaches them): each reading gets a copy.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, as a reader would select it. */
export async function pdfText(bytes: ArrayBuffer): Promise<{ pages: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes).slice(), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages };
}

/** The colours the first page fills (text) and strokes (rules) with, as pdf.js reports them. */
export async function pdfColours(bytes: ArrayBuffer): Promise<{ fill: string[]; stroke: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes).slice(), verbosity: 0 }).promise;
  const ops = await (await doc.getPage(1)).getOperatorList();
  const of = (op: number) => [...new Set(ops.fnArray.flatMap((fn, i) => (fn === op ? [String(ops.argsArray[i])] : [])))];
  return { fill: of(OPS.setFillRGBColor), stroke: of(OPS.setStrokeRGBColor) };
}
