import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder } from './files-under';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const sourceFiles = (dir: string) => filesUnder(dir, (file) => file.endsWith('.ts'));

const IMPORT = /(?:import\s[^;]*?from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

describe('engine boundary', () => {
  const engineFiles = sourceFiles(path.join(ROOT, 'src', 'engine'));

  it('has engine sources to check', () => {
    assert.ok(engineFiles.length > 10, `found ${engineFiles.length}`);
  });

  it('no file under src/engine imports vscode or anything outside the engine but node built-ins and dependencies', () => {
    const offenders: string[] = [];
    for (const file of engineFiles) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const spec = match[1];
        const leavesEngine = spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, 'src', 'engine'));
        if (spec === 'vscode' || spec.startsWith('vscode/') || leavesEngine) offenders.push(`${path.relative(ROOT, file)} imports '${spec}'`);
      }
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('the check itself catches an import of vscode', () => {
    const sample = "import * as vscode from 'vscode';\nconst x = require(\"vscode\");";
    assert.deepStrictEqual([...sample.matchAll(IMPORT)].map((m) => m[1]), ['vscode', 'vscode']);
  });
});

describe('extension imports of vscode', () => {
  it('use `import vscode = require(\'vscode\')`, which the bundle keeps as one require instead of copying the whole API into a namespace object per module at activation', () => {
    const namespaceImports = sourceFiles(path.join(ROOT, 'src'))
      .filter((file) => /^import\s+\*\s+as\s+\w+\s+from\s+['"]vscode['"]/m.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    assert.deepStrictEqual(namespaceImports, []);
  });
});
