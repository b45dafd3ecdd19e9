import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegularBytes, readRegularFile } from '../../../src/files/project-files';

describe('project files: reading a regular file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-project-files-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('decodes text as its bytes decode: a BOM kept, bytes that are not UTF-8 as U+FFFD, a cut-off character too', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7a, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98]);
    const file = path.join(dir, 'mixed.js');
    fs.writeFileSync(file, bytes);
    const read = readRegularFile(file);
    assert.ok('text' in read, JSON.stringify(read));
    assert.strictEqual(read.text, bytes.toString('utf8'));
    assert.ok(read.text.startsWith('\ufeffa\ufffd\ufffd\ufffd('), JSON.stringify(read.text));
    assert.ok(read.text.includes('z\u20ac'), JSON.stringify(read.text));
    assert.ok(read.text.endsWith('\ufffd'), JSON.stringify(read.text));
  });

  it('reads the whole of a file larger than one read, and an empty file', () => {
    const large = path.join(dir, 'large.js');
    const text = `const s = '${'é€𝄞'.repeat(300_000)}';\n`;
    fs.writeFileSync(large, text);
    assert.deepStrictEqual(readRegularFile(large), { text });
    const empty = path.join(dir, 'empty.js');
    fs.writeFileSync(empty, '');
    assert.deepStrictEqual(readRegularFile(empty), { text: '' });
    const bytes = readRegularBytes(large);
    assert.ok('bytes' in bytes && bytes.bytes.equals(Buffer.from(text)));
  });

  it('says why a folder or a missing file is not read', () => {
    assert.deepStrictEqual(readRegularFile(dir), { error: 'is a folder, not a regular file; not read' });
    assert.deepStrictEqual(readRegularBytes(dir), { error: 'is a folder, not a regular file; not read' });
    assert.deepStrictEqual(readRegularFile(path.join(dir, 'missing.js')), { error: 'cannot be read (ENOENT)' });
  });
});
