import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFile } from '../../server/services/tickets/file-types.ts';
import { PNG_HEAD } from './ticket-fixture.ts';

const bytesOf = (head: number[] | string, filler = 64) => {
  const start = typeof head === 'string' ? new TextEncoder().encode(head) : Uint8Array.from(head);
  return Uint8Array.from([...start, ...new Array<number>(filler).fill(0)]);
};

describe('what a ticket accepts is decided by the content of a file', () => {
  test('images, PDF and plain text pass under their own names, typed by their content', () => {
    const cases: [string, string, Uint8Array, string][] = [
      ['shot.PNG', 'image/png', bytesOf(PNG_HEAD), 'image/png'],
      ['photo.jpeg', 'image/jpg', bytesOf([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
      ['anim.gif', '', bytesOf('GIF89a'), 'image/gif'],
      ['pic.webp', 'application/octet-stream', bytesOf([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]), 'image/webp'],
      ['bill.pdf', 'application/pdf', bytesOf('%PDF-1.4\n'), 'application/pdf'],
      ['notes.txt', 'text/plain', new TextEncoder().encode('Grüße, 日本\r\n\ttabbed\n'), 'text/plain'],
    ];
    for (const [name, declared, bytes, type] of cases) assert.deepEqual(checkFile(name, declared, bytes), { ok: true, fileName: name, contentType: type }, name);
  });

  test('a file whose content is not what its name or type says is refused, saying what it is', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refused: [string, string, Uint8Array, RegExp][] = [
      ['logo.png', 'image/png', svg, /named as a PNG image, but its content is plain text/],
      ['logo.svg', 'image/svg+xml', svg, /is plain text: its name should end in \.txt/],
      ['scan.pdf', 'application/pdf', bytesOf(PNG_HEAD), /named as a PDF document, but its content is a PNG image/],
      ['scan.png', 'image/jpeg', bytesOf(PNG_HEAD), /sent as image\/jpeg, but its content is a PNG image/],
      ['data.txt', 'text/plain', Uint8Array.from([0x41, 0x00, 0x42]), /not an image, a PDF or plain text/],
      ['latin1.txt', 'text/plain', Uint8Array.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), /not an image, a PDF or plain text/],
      ['empty.txt', 'text/plain', new Uint8Array(), /not an image, a PDF or plain text/],
    ];
    for (const [name, declared, bytes, problem] of refused) {
      const result = checkFile(name, declared, bytes);
      assert.ok(!result.ok && problem.test(result.problem), `${name}: ${JSON.stringify(result)}`);
    }
  });

  test('names are kept without folders, control or direction-changing characters, and shortened before the extension', () => {
    const text = new TextEncoder().encode('hello\n');
    const name = (raw: string) => {
      const result = checkFile(raw, 'text/plain', text);
      return result.ok ? result.fileName : result.problem;
    };
    assert.equal(name('../../etc/passwd.txt'), 'passwd.txt');
    assert.equal(name('C:\\Users\\me\\notes.txt'), 'notes.txt');
    assert.equal(name('invoice\u202Etxt.exe\u202C.txt'), 'invoicetxt.exe.txt');
    assert.equal(name('line\nbreak.txt'), 'linebreak.txt');
    const long = name(`${'a'.repeat(300)}.txt`);
    assert.deepEqual([long.length, long.endsWith('.txt')], [120, true]);
    assert.equal(name('   '), 'A file has no name.');
  });
});
