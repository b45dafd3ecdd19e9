import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generatedProject } from './generated-project';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/**
 * The `node` binaries of the other Node versions users run (22, 24 and 26), which `npm test` installs and names here
 * (scripts/ensure-node-versions.mjs); absent when mocha runs on its own or off Linux x64.
 */
const OTHER_NODES = (process.env.BACKEND_GUIDE_OTHER_NODES ?? '').split(path.delimiter).filter(Boolean);

/** `node dist/cli.js lint` on `project` on two threads, with a code-cache folder of its own. */
function lint(node: string, project: string): { status: number | null; stdout: string; stderr: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-node-version-'));
  try {
    const result = spawnSync(node, [CLI, 'lint', '--format', 'json', '--jobs', '2'], { cwd: project, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('The built CLI on the other Node versions users run', () => {
  it('finds on Node 22, 24 and 26 what it finds on this Node, and writes nothing to stderr', function () {
    this.timeout(120_000);
    if (!OTHER_NODES.length) {
      // (npm test installs them on Linux x64; run through it to have this checked)
      this.skip();
    }
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm run build)');
    const project = generatedProject(6);
    const here = lint(process.execPath, project);
    assert.strictEqual(here.stderr, '');
    const findings = (JSON.parse(here.stdout) as { summary: { total: number } }).summary.total;
    assert.ok(findings > 0, 'the generated project has findings');
    for (const node of OTHER_NODES) {
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      const there = lint(node, project);
      // a V8 flag that version does not have is said on stderr at every run
      assert.strictEqual(there.stderr, '', `Node ${version} writes nothing to stderr`);
      assert.strictEqual(there.status, here.status, `Node ${version} exits as Node ${process.version} does`);
      assert.strictEqual(there.stdout, here.stdout, `Node ${version} reports what Node ${process.version} reports`);
    }
  });
});
