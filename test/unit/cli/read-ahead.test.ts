import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReadAhead } from '../../../src/cli/read-ahead';
import { readSource } from '../../../src/cli/scan';

describe('ReadAhead: source files read a few at a time', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-read-ahead-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** `count` files of `chars` characters each, numbered in their text. */
  const write = (count: number, chars: number) => Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `f${String(i).padStart(3, '0')}.js`);
    fs.writeFileSync(file, `// ${i}\n`.padEnd(chars, 'x'));
    return file;
  });

  it('gives what reading each file gives, for files that cannot be read too', () => {
    const files = [...write(5, 100), path.join(dir, 'missing.js'), dir];
    const expected = files.map((file) => readSource(file));
    const sources = new ReadAhead(files);
    assert.deepStrictEqual(files.map((file) => sources.read(file)), expected);
    assert.match(JSON.stringify(expected[5]), /ENOENT/);
  });

  it('reads the next 32 files with the first, and no more', () => {
    const files = write(40, 100);
    const sources = new ReadAhead(files);
    assert.ok('text' in sources.read(files[0]));
    // what was read ahead is given even though the files are gone now; the 33rd is read when asked
    for (const file of files.slice(1)) fs.rmSync(file);
    for (let i = 1; i < 32; i += 1) assert.deepStrictEqual(sources.read(files[i]), { text: `// ${i}\n`.padEnd(100, 'x') }, `file ${i}`);
    assert.match(JSON.stringify(sources.read(files[32])), /ENOENT/);
  });

  it('stops reading ahead once about 64 KB are read', () => {
    const files = write(4, 40_000);
    const sources = new ReadAhead(files);
    assert.ok('text' in sources.read(files[0]));
    fs.rmSync(files[2]);
    assert.ok('text' in sources.read(files[1]), 'read with the first: 40,000 characters were not enough to stop');
    assert.match(JSON.stringify(sources.read(files[2])), /ENOENT/);
  });

  it('reads a file asked out of order, and one not in its list, as they are when asked', () => {
    const files = write(6, 100);
    const sources = new ReadAhead(files);
    assert.deepStrictEqual(sources.read(files[3]), readSource(files[3]));
    fs.writeFileSync(files[4], 'changed after the files from the fourth on were read');
    assert.deepStrictEqual(sources.read(files[4]), { text: '// 4\n'.padEnd(100, 'x') });
    fs.writeFileSync(files[1], 'changed');
    assert.deepStrictEqual(sources.read(files[1]), { text: 'changed' }, 'behind what was read ahead: read when asked');
    const other = path.join(dir, 'other.js');
    fs.writeFileSync(other, 'other');
    assert.deepStrictEqual(sources.read(other), { text: 'other' });
  });
});
