import * as assert from 'assert';
import { isNamePart, isNameStart, isSpace } from '../../../src/engine/char-codes';

describe('character classes by code', () => {
  it('agree with the regular expressions they stand for on every UTF-16 code unit, and past the end of a text', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      assert.strictEqual(isSpace(code), /\s/.test(c), `\\s ${code.toString(16)}`);
      assert.strictEqual(isNamePart(code), /[\w$]/.test(c), `[\\w$] ${code.toString(16)}`);
      assert.strictEqual(isNameStart(code), /[A-Za-z_$]/.test(c), `[A-Za-z_$] ${code.toString(16)}`);
    }
    assert.ok(!isSpace(''.charCodeAt(0)) && !isNamePart(''.charCodeAt(0)) && !isNameStart(''.charCodeAt(0)));
  });
});
