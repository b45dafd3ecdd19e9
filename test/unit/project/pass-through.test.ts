import * as assert from 'assert';
import { FUNCTION_TYPES } from '../../../src/engine/ast';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { callsName, forwardsFirstParameter, isPassThroughPackage } from '../../../src/engine/project/pass-through';

// A wrapper passes calls through when what it returns hands every argument it gets to the function it was
// given, unchanged; anything else done with that function says nothing of how it is called.

/** Whether the first function written in `code` forwards its first parameter. */
async function forwards(code: string, languageId: 'javascript' | 'typescript' = 'javascript'): Promise<boolean> {
  const { tree } = await parseSource(sharedGrammars(), languageId, code, 2000);
  try {
    const fn = tree.rootNode.descendantsOfType([...FUNCTION_TYPES])[0];
    assert.ok(fn, 'a function in the code');
    return forwardsFirstParameter(fn);
  } finally {
    tree.delete();
  }
}

describe('pass-through wrappers', () => {
  it('a memoizer returning a const function that calls fn(...args)', async () => {
    assert.strictEqual(await forwards('function memoize(fn, opts) {\n  const cached = async function (...args) {\n    const v = await fn(...args);\n    return v;\n  };\n  cached.refresh = async (...more) => fn(...more);\n  return cached;\n}'), true);
  });
  it('an arrow returning an arrow, and fn.apply(this, args) in TypeScript', async () => {
    assert.strictEqual(await forwards('const once = (fn) => (...args) => fn(...args);'), true);
    assert.strictEqual(await forwards('export function logged(fn: Handler) {\n  return function (this: unknown, ...args: unknown[]) {\n    console.log(args.length);\n    return fn.apply(this, args);\n  };\n}', 'typescript'), true);
  });
  it('a wrapper whose returned function names each argument and passes them all, in order', async () => {
    assert.strictEqual(await forwards('const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next);'), true);
  });
  it('not when the returned function changes an argument before passing it', async () => {
    assert.strictEqual(await forwards('const wrap = (fn) => (req, res) => { req = { query: req.body }; return fn(req, res); };'), false);
    assert.strictEqual(await forwards('function wrap(fn) {\n  return (...args) => { args[0] = JSON.parse(args[0]); return fn(...args); };\n}'), false);
    assert.strictEqual(await forwards('const wrap = (fn) => (a, b) => fn(b, a);'), false);
  });
  it('not when the returned function gives arguments of its own, or only some of them', async () => {
    assert.strictEqual(await forwards('function wrap(fn) {\n  return (req) => fn({ where: req.query });\n}'), false);
    assert.strictEqual(await forwards('function wrap(fn) {\n  return (first, ...rest) => fn(...rest);\n}'), false);
  });
  it('not when the function is also stored or handed elsewhere', async () => {
    assert.strictEqual(await forwards('function wrap(fn) {\n  queue.push(fn);\n  return (...args) => fn(...args);\n}'), false);
  });
  it('not when it returns something else than the forwarding function', async () => {
    assert.strictEqual(await forwards('function wrap(fn) {\n  const call = (...args) => fn(...args);\n  return { call };\n}'), false);
  });
  it('not when a nested function shadows the name', async () => {
    assert.strictEqual(await forwards('function wrap(fn) {\n  return (...args) => [1].map((fn) => fn + 1) && fn(...args);\n}'), false);
  });
  it('knows package wrappers by package and member', () => {
    assert.strictEqual(isPassThroughPackage('lodash', ['memoize']), true);
    assert.strictEqual(isPassThroughPackage('p-memoize', []), true);
    assert.strictEqual(isPassThroughPackage('util', ['deprecate']), true);
    assert.strictEqual(isPassThroughPackage('lodash', ['debounce']), false);
    assert.strictEqual(isPassThroughPackage('lodash', []), false);
  });

  it('tells a call of the name from the text as the regular expression it stands for does', () => {
    const texts = [
      'fn(a)', 'fn (a)', 'fn\n  (a)', 'fn.apply(this, args)', 'fn . apply(this)', 'fn.applyLater()', 'fn.apply$x', 'fn.call(this)',
      'x.fn(a)', 'myfn(a)', '$fn(a)', 'fnx(a)', 'fn', 'return fn', '(fn)(a)', 'a; fn(b)', 'x.fn(a); fn(b)', 'fn.\napply(1)', '', 'f', 'fn.',
    ];
    for (const text of texts) {
      assert.strictEqual(callsName(text, 'fn'), /(?<![\w$.])fn\s*(?:\(|\.\s*apply\b)/.test(text), text);
    }
    assert.strictEqual(callsName('$x(1)', '$x'), true, 'a name with a dollar sign');
  });
});
