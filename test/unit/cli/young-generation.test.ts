import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { generatedProject } from './generated-project';

const OUT = path.resolve(__dirname, '..', '..', '..');

/**
 * Scans a project in a process of its own on one thread and says how large the main thread's young generation
 * was before the scan and after it, in MB (V8 never shrinks it during a run this short).
 */
function youngGenerationAcrossScan(project: string, nodeOptions: string[] = []): { before: number; after: number } {
  const script = `
    const v8 = require('v8');
    const { scanProject } = require(${JSON.stringify(path.join(OUT, 'src/cli/parallel-scan.js'))});
    const { collectSourceFiles } = require(${JSON.stringify(path.join(OUT, 'src/cli/walk.js'))});
    const { defaultConfig } = require(${JSON.stringify(path.join(OUT, 'src/engine/config.js'))});
    const size = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576;
    const root = process.argv[1];
    const { files } = collectSourceFiles([root], root, []);
    const before = size();
    scanProject(files, { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 }, { threads: 1, analyze: true })
      .then((scan) => console.log(JSON.stringify({ before, after: size(), reports: scan.reports.length })));
  `;
  const run = spawnSync(process.execPath, [...nodeOptions, '-e', script, project], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.strictEqual(run.status, 0, run.stderr);
  const measured = JSON.parse(run.stdout) as { before: number; after: number; reports: number };
  assert.ok(measured.reports > 60, `the project was scanned: ${run.stdout}`);
  return measured;
}

describe('young generation during a scan (young-generation.ts)', () => {
  let project: string;
  before(() => {
    project = generatedProject(60);
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  // (on several threads the main thread's young generation is held once the workers have loaded their code, which
  // takes them longer than this scan may take; the code caches that protocol protects are tested in bundled-workers)
  it('does not grow on the main thread while one thread scans, and grows as V8 grows it when Node is given its own factor', function () {
    this.timeout(60_000);
    const held = youngGenerationAcrossScan(project);
    assert.strictEqual(held.after, held.before, JSON.stringify(held));
    // what V8 does when left alone, which the scan does when the factor is given to Node: the same scan grows it
    // (V8 grows it by what survived its collections, which varies a little: about one scan in twelve does not)
    const free = [1, 2, 3].map(() => youngGenerationAcrossScan(project, ['--semi-space-growth-factor=2']));
    assert.ok(free.some(({ before, after }) => after > before), JSON.stringify(free));
  });
});
