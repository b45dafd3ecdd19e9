import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { FileScanner } from '../../../src/cli/file-scanner';
import { projectOfFacts } from '../../../src/cli/project';
import { projectRoot } from '../../../src/cli/project-root';
import { defaultConfig } from '../../../src/engine/config';
import type { ProjectFacts } from '../../../src/engine/project';
import { generatedProject } from './generated-project';

interface JsonReport { files: Array<{ path: string; findings: unknown[] }>; summary: unknown }

/** The JSON report of `lint <target>` run in `cwd`, with each file keyed by its absolute path. */
async function findingsFrom(cwd: string, target: string): Promise<{ summary: unknown; byFile: Record<string, unknown[]> }> {
  let stdout = '';
  await runCli(['lint', target, '--format', 'json', '--jobs', '1'], { cwd, stdout: (t) => { stdout += t; }, stderr: () => undefined });
  const report = JSON.parse(stdout) as JsonReport;
  return { summary: report.summary, byFile: Object.fromEntries(report.files.map((f) => [path.resolve(cwd, f.path), f.findings])) };
}

describe('CLI results do not depend on the current folder', () => {
  it('finds the same in a project scanned from inside it, from its parent and from an unrelated folder', async () => {
    const root = generatedProject(4);
    const inside = await findingsFrom(root, '.');
    const parent = await findingsFrom(path.dirname(root), path.basename(root));
    const elsewhere = await findingsFrom(fs.mkdtempSync(path.join(os.tmpdir(), 'bg-elsewhere-')), root);
    assert.ok(Object.values(inside.byFile).some((f) => f.length > 0), 'the project has findings');
    assert.deepStrictEqual(parent, inside);
    assert.deepStrictEqual(elsewhere, inside);
    assert.deepStrictEqual(inside.byFile[path.join(root, 'test/routes.test.js')], [], 'a file in the test folder is a test wherever the CLI runs');
  });

  it('takes the deepest folder holding every scanned path as the project root', () => {
    const root = generatedProject(1);
    assert.strictEqual(projectRoot(['.'], root), root);
    assert.strictEqual(projectRoot([root], os.tmpdir()), root);
    assert.strictEqual(projectRoot(['src/app.js', 'src/routes'], root), path.join(root, 'src'));
    assert.strictEqual(projectRoot(['src', 'test'], root), root);
  });
});

describe('missing-auth works out per-project results once per scan', () => {
  it('computes the route verdicts and the nest model once, not once per file', async () => {
    const root = generatedProject(6);
    const settings = { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 };
    const scanner = new FileScanner(settings);
    const files = ['src/app.js', 'src/auth.js', 'src/db.js', ...Array.from({ length: 6 }, (_, i) => `src/routes/thing${i}.js`)].map((f) => path.join(root, f));
    const { facts } = await scanner.facts(files);
    const project = projectOfFacts(root, facts, []);
    const computed = new Map<string, number>();
    const counting: ProjectFacts = {
      ...project,
      resolveImport: (from, specifier) => project.resolveImport(from, specifier),
      packageFor: (file) => project.packageFor(file),
      memo: <T>(key: string, compute: () => T): T => project.memo(key, () => {
        computed.set(key, (computed.get(key) ?? 0) + 1);
        return compute();
      }),
    };
    const reports = await scanner.analyze(counting);
    assert.ok(reports.some((r) => r.findings.some((f) => f.ruleId === 'missing-auth')), 'routes were judged');
    const projectKeys = [...computed.keys()].filter((k) => k.startsWith('share:route-plans:'));
    assert.strictEqual(projectKeys.length, 1);
    assert.strictEqual(computed.get(projectKeys[0]), 1);
  });
});
