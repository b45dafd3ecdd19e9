import * as assert from 'assert';
import { DocumentMemory } from '../../src/engine/rule-memory';

describe('DocumentMemory', () => {
  it('gives a rule the edits and the re-parsed ranges since its last run, widened to whole words', () => {
    const memory = new DocumentMemory();
    memory.commit('r', memory.forRule('r'));
    memory.recordEdit('let tabl = 1;', 'let table = 1;', 8, 8, 9);
    memory.recordReparse('let table = 1;\nquery(table);', [{ startIndex: 2, endIndex: 6 }]);
    assert.deepStrictEqual(memory.forRule('r').editedTexts, ['tabl', 'table', 'let table']);
  });

  it('keeps each rule the edits it has not seen while those every rule has seen are dropped', () => {
    const memory = new DocumentMemory();
    memory.commit('a', memory.forRule('a'));
    memory.commit('b', memory.forRule('b'));
    memory.recordEdit('x', 'xy', 1, 1, 2);
    memory.commit('a', memory.forRule('a'));
    memory.recordEdit('xy', 'xyz', 2, 2, 3);
    assert.deepStrictEqual(memory.forRule('a').editedTexts, ['xy', 'xyz']);
    assert.deepStrictEqual(memory.forRule('b').editedTexts, ['x', 'xy', 'xy', 'xyz']);
    memory.commit('b', memory.forRule('b'));
    assert.deepStrictEqual(memory.forRule('a').editedTexts, ['xy', 'xyz']);
    assert.deepStrictEqual(memory.forRule('b').editedTexts, []);
  });

  it('records no re-parsed ranges before any rule has run', () => {
    const memory = new DocumentMemory();
    memory.recordReparse('let table = 1;', [{ startIndex: 0, endIndex: 14 }]);
    memory.commit('r', memory.forRule('r'));
    assert.deepStrictEqual(memory.forRule('r').editedTexts, []);
  });

  it('starts afresh only when more than 20,000 characters were edited since some rule last ran, not over a whole session', () => {
    const memory = new DocumentMemory();
    memory.commit('r', memory.forRule('r'));
    const word = 'x'.repeat(1000);
    // 40 runs, each after an edit inserting 1,000 characters: 40,000 in all, every run keeps what the last one stored
    for (let i = 0; i < 40; i++) {
      memory.recordEdit('', word, 0, 0, word.length);
      const run = memory.forRule('r');
      assert.ok(run.previous, `run ${i} keeps its memory`);
      memory.commit('r', run);
    }
    // 21,000 characters before the next run: too much to track
    for (let i = 0; i < 21; i++) memory.recordEdit('', word, 0, 0, word.length);
    assert.strictEqual(memory.forRule('r').previous, undefined);
  });
});
