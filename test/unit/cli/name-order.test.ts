import * as assert from 'assert';
import { compareNames, sortByName } from '../../../src/cli/name-order';
import { seededRandom } from '../../../src/testing/seeded-random';

const collator = new Intl.Collator('en');
const sign = (n: number) => Math.sign(n);

/** Printable ASCII, the characters `compareNames` orders without the collator. */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('the order of a folder\'s entries', () => {
  it('sorts every name of one and two printable ASCII characters as English collation does', () => {
    const names = [...ASCII, ...ASCII.flatMap((a) => ASCII.map((b) => a + b))];
    const expected = [...names].sort(collator.compare);
    assert.deepStrictEqual([...names].sort(compareNames), expected);
  });

  it('sorts entries of every name of one and two printable ASCII characters as English collation does, equal names in their order', () => {
    const names = [...ASCII, ...ASCII.flatMap((a) => ASCII.map((b) => a + b))];
    const expected = [...names].sort(collator.compare);
    const entries = [...names].reverse().map((name, id) => ({ name, id }));
    assert.deepStrictEqual(sortByName(entries, (entry) => entry.name).map((entry) => entry.name), expected);
    // a stable sort: of equal names, the one first in the list stays first
    const twice = ['b', 'a', 'b', 'A', 'a'].map((name, id) => ({ name, id }));
    assert.deepStrictEqual(sortByName(twice, (entry) => entry.name).map((entry) => `${entry.name}${entry.id}`), ['a1', 'a4', 'A3', 'b0', 'b2']);
  });

  it('compares random names, file names among them, as English collation does, in both directions', () => {
    const random = seededRandom(20261202);
    // weighted towards what tells orders apart: case, digits, the punctuation of file names, common prefixes
    const pieces = ['a', 'A', 'b', 'B', 'z', 'Z', '0', '1', '9', '10', '.', '-', '_', ' ', '~', '$', '@', '(', ')', 'x.js', '.test', 'index', 'Index', 'util-', 'util_'];
    const name = () => Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let i = 0; i < 50_000; i++) {
      const a = name();
      const b = name();
      assert.strictEqual(sign(compareNames(a, b)), sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      assert.strictEqual(sign(compareNames(b, a)), sign(collator.compare(b, a)), `${JSON.stringify(b)} vs ${JSON.stringify(a)}`);
    }
  });

  it('leaves names with other characters to the collator', () => {
    const names = ['café.js', 'cafe.js', 'Cafe.js', 'caff.js', 'ça.js', 'tab\there.js', 'z.js', 'Ä.py', 'a.py'];
    assert.deepStrictEqual([...names].sort(compareNames), [...names].sort(collator.compare));
  });

  it('sorts a folder\'s entries by name as English collation does, whether all names are ASCII or some are not', () => {
    const random = seededRandom(20261203);
    const pieces = ['a', 'A', 'B', 'z', '0', '10', '.', '-', '_', 'x.js', '.test', 'index', 'Index'];
    const ascii = Array.from({ length: 300 }, () => ({ name: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join('') }));
    const byCollator = (items: Array<{ name: string }>) => [...items].sort((a, b) => collator.compare(a.name, b.name)).map((e) => e.name);
    assert.deepStrictEqual(sortByName([...ascii], (e) => e.name).map((e) => e.name), byCollator(ascii));
    const mixed = [...ascii, { name: 'café.js' }, { name: 'Ä.py' }, { name: 'ça.js' }];
    assert.deepStrictEqual(sortByName([...mixed], (e) => e.name).map((e) => e.name), byCollator(mixed));
  });
});
