import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Runs scripts/sample-copy.mjs's freshSampleCopy(REPO, parent) in a Node process (the script is an ES module). */
function freshSampleCopy(parent: string): { copy?: string; error?: string } {
  const script = `import('./scripts/sample-copy.mjs').then((m) => console.log(m.freshSampleCopy(process.cwd(), ${JSON.stringify(parent)})), (e) => { console.error(e.message); process.exit(1); })`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
  return run.status === 0 ? { copy: run.stdout.trim() } : { error: run.stderr };
}

describe('npm start: a fresh copy of the sample outside the repository', () => {
  it('copies sample/ anew into each given folder, so edits there never reach the repository or the next start', () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-start-'));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-start-'));
    const a = freshSampleCopy(first).copy;
    assert.ok(a, 'a copy');
    assert.strictEqual(a, path.join(first, 'sample'));
    const orders = (root: string) => path.join(root, 'src', 'routes', 'orders.js');
    const original = fs.readFileSync(orders(path.join(REPO, 'sample')), 'utf8');
    assert.strictEqual(fs.readFileSync(orders(a), 'utf8'), original);
    fs.writeFileSync(orders(a), '// a quick fix applied in the browser\n');
    assert.strictEqual(fs.readFileSync(orders(path.join(REPO, 'sample')), 'utf8'), original, 'the repository keeps its sample');
    const b = freshSampleCopy(second).copy;
    assert.ok(b);
    assert.strictEqual(fs.readFileSync(orders(b), 'utf8'), original, 'the next start begins from the committed sample');
  });

  it('refuses a folder inside the repository', () => {
    const result = freshSampleCopy(path.join(REPO, 'out', 'sample-copy'));
    assert.match(result.error ?? '', /inside the repository/);
  });
});
