import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder } from '../files-under';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Where the code may set V8 flags, and why each may. A flag set between a bundle's load and the writing of its
 * code cache makes V8 refuse that cache on every later run (see `code-cache.ts`), and the extension runs in an
 * extension host that other extensions share, whose flags are not ours to set.
 */
const ALLOWED: Record<string, string> = {
  'src/cli/bin.ts': 'sets the interrupt budget and WebAssembly loop unrolling before it loads any bundle',
  'src/cli/young-generation.ts': "sets the young generation's growth factor once the scan's code is loaded, and sets it back before caches are written",
  'src/cli/thread-memory.ts': "exposes gc in the bench's thread-memory runs only",
};

/** The calls of `setFlagsFromString` in a text, outside comments, by line number. */
function flagCalls(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (/^\s*(\/\/|\*|\/\*)/.test(line) || !/\bsetFlagsFromString\s*\(/.test(line) ? [] : [i + 1]));
}


describe('V8 flags', () => {
  it('are set only where the code caches and the extension host allow it', () => {
    const found = filesUnder(path.join(ROOT, 'src'), (file) => file.endsWith('.ts')).flatMap((file) => {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      return flagCalls(fs.readFileSync(file, 'utf8')).map((line) => `${relative}:${line}`);
    });
    assert.ok(found.length >= 3, `the allowed places call it: ${found.join(', ')}`);
    assert.deepStrictEqual(found.filter((place) => !(place.split(':')[0] in ALLOWED)), []);
  });

  it('the check itself finds a call, and not one in a comment', () => {
    assert.deepStrictEqual(flagCalls("import v8 = require('v8');\nv8.setFlagsFromString('--x');\n// v8.setFlagsFromString('--y')\n * setFlagsFromString(\n"), [2]);
  });
});
