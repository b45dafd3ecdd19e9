import * as assert from 'assert';
import * as path from 'path';
import { relativePath } from '../../../src/cli/relative-path';

/** What `relativePath` gave before it cut paths itself: `path.relative`, with forward slashes. */
const resolved = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

describe('paths as reports show them', () => {
  it('are what path.relative gives, for files below the root and for every other kind of path', () => {
    const roots = ['/p', '/p/', '/p/src', '/', '/p/./src', '/p//src', 'relative/root', '/p/s'];
    const files = [
      '/p/src/a.js', '/p/src/deep/er/b.ts', '/p/src', '/p/src/', '/p/srcx/c.js', '/p/s/d.js', '/other/e.js', '/p/src/./f.js',
      '/p/src/../g.js', '/p/src//h.js', '/p/src/.hidden/i.js', '/p/src/..j.js', '/p/src/k.js/', '/p/a b/ü.py', 'relative/root/x.js', '/p',
      '/p/.bench/corpus/l.js', '/p/src/.', '/p/src/..', '/p/src/.../m.js', '/p/.', '/p/..', '/p/src/.git/', '/p/src/a./n.js',
    ];
    for (const root of roots) {
      for (const file of files) assert.strictEqual(relativePath(root, file), resolved(root, file), `${root} ${file}`);
    }
  });
});
