import * as assert from 'assert';
import { once } from 'events';
import * as os from 'os';
import { Worker } from 'worker_threads';
import { runCli } from '../../../src/cli/main';
import { scanProject } from '../../../src/cli/parallel-scan';
import { noteEnd, threadsFor } from '../../../src/cli/scan-threads';
import { shareLines } from '../../../src/cli/share-channel';
import { collectSourceFiles } from '../../../src/cli/walk';
import { defaultConfig } from '../../../src/engine/config';
import { FACTS_PER_MESSAGE } from '../../../src/cli/scan-worker';
import { allRules } from '../../../src/engine/registry';
import { generatedProject } from './generated-project';

/** Runs the CLI in `cwd` and returns its exit code and standard output. */
async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('CLI on several threads', () => {
  it('finds exactly what one thread finds, in the same order, for every rule', async () => {
    const root = generatedProject(24);
    const serial = await run(root, 'lint', '--format', 'json', '--jobs', '1');
    const parallel = await run(root, 'lint', '--format', 'json', '--jobs', '3');
    assert.strictEqual(serial.stderr, '');
    assert.strictEqual(parallel.stderr, '');
    assert.strictEqual(parallel.code, serial.code);
    assert.strictEqual(parallel.stdout, serial.stdout);
    const ruleIds = new Set<string>();
    for (const file of JSON.parse(serial.stdout).files as Array<{ findings: Array<{ ruleId: string }> }>) for (const f of file.findings) ruleIds.add(f.ruleId);
    assert.deepStrictEqual([...ruleIds].sort(), allRules().map((r) => r.meta.id).sort(), 'the project has findings of every rule');
    assert.strictEqual((await run(root, 'lint', '--format', 'sarif', '--jobs', '2')).stdout, (await run(root, 'lint', '--format', 'sarif', '--jobs', '1')).stdout);
    assert.strictEqual((await run(root, 'routes', '--format', 'json', '--jobs', '2')).stdout, (await run(root, 'routes', '--format', 'json', '--jobs', '1')).stdout);
  });

  it('finds what one thread finds when the facts of each thread travel in several messages each way', async () => {
    // two threads with more files each than one message carries: facts go to the main thread and back in parts
    const root = generatedProject(2 * FACTS_PER_MESSAGE + 30);
    const serial = await run(root, 'lint', '--format', 'json', '--jobs', '1');
    const parallel = await run(root, 'lint', '--format', 'json', '--jobs', '2');
    assert.strictEqual(parallel.stderr, '');
    assert.ok((JSON.parse(serial.stdout).files as unknown[]).length > 2 * FACTS_PER_MESSAGE);
    assert.strictEqual(parallel.stdout, serial.stdout);
  });

  it('fails, rather than waits forever, when a thread started ahead is gone before the scan takes it', async () => {
    const root = generatedProject(4);
    const { files } = collectSourceFiles(['.'], root, defaultConfig().ignore);
    const [line, shares] = shareLines(2);
    const worker = new Worker('process.exit(3)', { eval: true, workerData: { shares: line }, transferList: line.ports });
    noteEnd(worker);
    await once(worker, 'exit');
    const scan = scanProject(files, { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 }, { threads: 2, analyze: true, started: { workers: [worker], shares } });
    await assert.rejects(scan, /a scan worker stopped \(exit code 3\)/);
  });

  it('takes --jobs N as the number of threads, at most one per file; by default one per core for a large enough project', () => {
    assert.strictEqual(threadsFor(100, 3), 3);
    assert.strictEqual(threadsFor(2, 8), 2);
    assert.strictEqual(threadsFor(1, undefined), 1);
    assert.ok(threadsFor(100_000, undefined) >= 1 && threadsFor(100_000, undefined) <= os.cpus().length);
  });

  it('refuses a --jobs that is not a whole number of threads', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const bad = await run(os.tmpdir(), 'lint', '--jobs', jobs);
      assert.strictEqual(bad.code, 2, jobs);
      assert.match(bad.stderr, /--jobs takes a whole number/);
    }
  });
});
