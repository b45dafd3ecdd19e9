import * as assert from 'assert';
import { touchedUpTo, withFoldsSplit, type Statement } from '../../../src/engine/top-level';

// While a bracket is open, error recovery folds the statements after it into one broken statement; the editor
// gives rules back the statements no edit touched (held) and the text between them as pieces of its own.

const text = 'a();\nwrap(\nb();\n  \nc();\nd();\n';
const at = (s: string): Statement => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

describe('withFoldsSplit', () => {
  const fold = { start: text.indexOf('wrap('), end: text.length - 1 };
  const untouched = [at('a();'), at('b();'), at('c();'), at('d();')];

  it('splits a broken statement into the untouched statements it holds and the non-blank text between them', () => {
    const split = withFoldsSplit([at('a();'), fold], untouched, text, (s) => s === fold);
    assert.deepStrictEqual(split.map((s) => [text.slice(s.start, s.end), s.held === true]), [['a();', false], ['wrap(', false], ['b();', true], ['c();', true], ['d();', true]]);
  });

  it('leaves a statement without a syntax error whole, even when it holds earlier statements', () => {
    const split = withFoldsSplit([at('a();'), fold], untouched, text, () => false);
    assert.deepStrictEqual(split, [at('a();'), fold]);
  });

  it('leaves a broken statement that holds no untouched statement, or is one, as it is', () => {
    assert.deepStrictEqual(withFoldsSplit([at('a();'), fold], [at('a();')], text, () => true), [at('a();'), fold]);
    assert.deepStrictEqual(withFoldsSplit([fold], [fold], text, () => true), [fold]);
  });

  it('holds the untouched statements past where the tree stops', () => {
    const parsedEnd = text.indexOf('c();');
    const prefix = { start: fold.start, end: parsedEnd - 4 };
    const split = withFoldsSplit([at('a();'), prefix], untouched, text, (s) => s === prefix, parsedEnd);
    assert.deepStrictEqual(split.map((s) => [text.slice(s.start, s.end), s.held === true]), [['a();', false], ['wrap(', false], ['b();', true], ['c();', true], ['d();', true]]);
  });
});

describe('touchedUpTo', () => {
  it('is where the last touched text ends once every change is applied', () => {
    // typing "ab" at 10, then deleting 3 characters at 2: the typed text now ends at 9
    assert.strictEqual(touchedUpTo([{ start: 10, oldEnd: 10, newEnd: 11 }, { start: 11, oldEnd: 11, newEnd: 12 }, { start: 2, oldEnd: 5, newEnd: 2 }]), 9);
    assert.strictEqual(touchedUpTo([{ start: 2, oldEnd: 2, newEnd: 3 }, { start: 40, oldEnd: 41, newEnd: 40 }]), 40);
  });
});
