import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nearestPackageJsons, nearestPythonRequirements } from '../../../src/cli/project-manifests';

describe('the manifests a scan reads', () => {
  it('finds the nearest package.json and requirement files of every file, whatever order the files come in', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-manifests-'));
    const write = (name: string, text = '') => {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    };
    write('package.json', '{}');
    write('api/package.json', '{}');
    write('api/src/deep/requirements.txt');
    write('tools/requirements.txt');
    const at = (name: string) => path.join(root, name);
    // files of one folder together, folders interleaved, a file at the root, a folder that is the start of another's name
    const files = ['api/src/a.js', 'api/src/b.js', 'web/c.js', 'api/src/deep/d.py', 'api/src/deep/e.py', 'api/srcx/f.js', 'g.js', 'tools/h.py', 'api/src/i.js'].map(at);
    assert.deepStrictEqual(nearestPackageJsons(files).sort(), [at('api/package.json'), at('package.json')].sort());
    assert.deepStrictEqual(nearestPythonRequirements(files).sort(), [at('api/src/deep/requirements.txt'), at('tools/requirements.txt')].sort());
    // the same files one by one find what they found together
    for (const file of files) {
      assert.deepStrictEqual(nearestPackageJsons([file]), nearestPackageJsons([file, file]), file);
    }
    assert.deepStrictEqual(nearestPackageJsons([at('web/c.js')]), [at('package.json')]);
    assert.deepStrictEqual(nearestPackageJsons([at('api/srcx/f.js'), at('web/c.js')]).sort(), [at('api/package.json'), at('package.json')].sort());
  });
});
