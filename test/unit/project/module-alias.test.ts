import * as assert from 'assert';
import { resolveModulePath } from '../../../src/engine/project/module-resolution';

describe('module resolution: @scope/path aliases', () => {
  const known = new Set(['/p/server/routes/index.ts', '/p/src/lib/db.ts']);
  const isKnown = (f: string) => known.has(f);
  it('resolves @server/routes to a project folder when that file exists', () => {
    assert.strictEqual(resolveModulePath('/p/server/index.ts', '@server/routes', '/p', isKnown), '/p/server/routes/index.ts');
  });
  it('tries the src folder too', () => {
    assert.strictEqual(resolveModulePath('/p/src/app.ts', '@lib/db', '/p', isKnown), '/p/src/lib/db.ts');
  });
  it('leaves real scoped packages alone', () => {
    assert.strictEqual(resolveModulePath('/p/server/index.ts', '@nestjs/common', '/p', isKnown), undefined);
  });
});
