import * as assert from 'assert';
import { spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import { generatedProject } from './generated-project';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Runs `node cli lint ...` (with `tmp` as the temporary folder) and resolves with its exit code and standard output once it exits. */
function runBundle(cli: string, cwd: string, argv: string[], tmp: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...argv], { cwd, env: { ...process.env, TMPDIR: tmp, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI bundle on several threads', () => {
  it('starts its workers from the worker bundle beside the CLI and finds what one thread finds', async function () {
    this.timeout(120_000);
    // The same bundles as esbuild.js makes (the command, the CLI it loads through the code cache, the engine the CLI
    // and the scan threads load the same way, the scan thread; each one CommonJS file, the grammars in wasm/ beside them)
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-bundle-'));
    const { builtinImportsAsRequire, builtEngineHash, builtCodeHashes, CODE_CACHE_LOADS } = require(path.join(ROOT, 'esbuild-plugins.js')) as {
      builtinImportsAsRequire: import('esbuild').Plugin; builtEngineHash: (file: string) => Record<string, string>;
      builtCodeHashes: (...files: string[]) => Record<string, string>; CODE_CACHE_LOADS: Record<string, string[] | undefined>;
    };
    // each bundle after those it loads, which it is given the hashes of, as by esbuild.js (the commands' bundle also the engine's for --cache)
    for (const [entry, out] of [['src/cli/scan-engine.ts', 'scan-engine.js'], ['src/cli/main.ts', 'cli-main.js'], ['src/cli/scan-thread.ts', 'scan-thread.js'], ['src/cli/bin.ts', 'cli.js']]) {
      const loaded = (CODE_CACHE_LOADS[out] ?? []).map((file) => path.join(dist, file));
      const define = loaded.length === 0 ? undefined : { ...builtCodeHashes(...loaded), ...(out === 'cli-main.js' ? builtEngineHash(path.join(dist, 'scan-engine.js')) : {}) };
      await build({ entryPoints: [path.join(ROOT, entry)], outfile: path.join(dist, out), bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'silent', plugins: [builtinImportsAsRequire], define });
    }
    const wasm = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
    fs.mkdirSync(path.join(dist, 'wasm'));
    for (const file of fs.readdirSync(wasm).filter((f) => f.endsWith('.wasm'))) fs.copyFileSync(path.join(wasm, file), path.join(dist, 'wasm', file));
    const project = generatedProject(12);
    const cli = path.join(dist, 'cli.js');
    // the code cache goes to a temporary folder of this test's own
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-compile-cache-'));
    const parallel = await runBundle(cli, project, ['lint', '--format', 'json', '--jobs', '3'], tmp);
    const cacheFolder = fs.readdirSync(tmp).find((name) => name.startsWith('backend-guide-compile-cache'));
    const cached = cacheFolder ? fs.readdirSync(path.join(tmp, cacheFolder)) : [];
    // each named by its bundle's SHA-1, which the bundles that load them were given by the build instead of hashing them
    const named = (bundle: string) => `${bundle}-${crypto.createHash('sha1').update(fs.readFileSync(path.join(dist, bundle))).digest('hex').slice(0, 20)}-`;
    assert.ok(cached.some((name) => name.startsWith(named('cli-main.js'))), `the run left a code cache of the CLI: ${cached.join(', ')}`);
    assert.ok(cached.some((name) => name.startsWith(named('scan-engine.js'))), `the run left a code cache of the engine its threads load: ${cached.join(', ')}`);
    assert.strictEqual(cached.length, 2, cached.join(', '));
    // these compile from the cache, which V8 takes only under the flags it was written with: a cache it refuses is
    // written again (to a new file, renamed over the old one), so each file is still the one the first run wrote
    const cacheFiles = () => new Map(fs.readdirSync(path.join(tmp, cacheFolder!)).map((name) => [name, fs.statSync(path.join(tmp, cacheFolder!, name)).ino]));
    const firstWritten = cacheFiles();
    const cachedParallel = await runBundle(cli, project, ['lint', '--format', 'json', '--jobs', '3'], tmp);
    const serial = await runBundle(cli, project, ['lint', '--format', 'json', '--jobs', '1'], tmp);
    assert.deepStrictEqual(cacheFiles(), firstWritten, 'the later runs took the code caches the first one wrote');
    const uncached = await runBundle(cli, project, ['lint', '--format', 'json', '--jobs', '1'], tmp, { BACKEND_GUIDE_COMPILE_CACHE: '0' });
    assert.strictEqual(parallel.stderr, '');
    assert.strictEqual(parallel.code, serial.code);
    assert.strictEqual(parallel.stdout, serial.stdout);
    assert.strictEqual(cachedParallel.stdout, serial.stdout);
    assert.strictEqual(uncached.stdout, serial.stdout);
    assert.ok((JSON.parse(parallel.stdout) as { summary: { total: number } }).summary.total > 0, 'the project has findings');
    // a rescan of the unchanged project from --cache takes everything from it and does not load the engine's bundle:
    // with the engine's code cache removed, a run that loads the bundle writes that cache again
    const cacheFile = path.join(tmp, 'scan-cache');
    const first = await runBundle(cli, project, ['lint', '--format', 'json', '--cache', '--cache-location', cacheFile], tmp);
    // the cache is valid for this engine: its key names the engine bundle's SHA-1, given to the commands by the build
    const engineHash = crypto.createHash('sha1').update(fs.readFileSync(path.join(dist, 'scan-engine.js'))).digest('base64');
    const header = JSON.parse(fs.readFileSync(cacheFile, 'utf8').split('\n')[0]) as { key: string };
    assert.ok(header.key.includes(`:${engineHash}|`), header.key);
    const engineCaches = () => fs.readdirSync(path.join(tmp, cacheFolder!)).filter((name) => name.startsWith('scan-engine.js-'));
    for (const name of engineCaches()) fs.rmSync(path.join(tmp, cacheFolder!, name));
    const rescan = await runBundle(cli, project, ['lint', '--format', 'json', '--cache', '--cache-location', cacheFile], tmp);
    assert.strictEqual(first.stdout, serial.stdout);
    assert.strictEqual(rescan.stderr, '');
    assert.strictEqual(rescan.stdout, serial.stdout);
    assert.deepStrictEqual(engineCaches(), [], 'the rescan loaded the engine');
    // nor Node's crypto: it checks the cache's sums with zlib's CRC-32, compares the package.json files as text and
    // names the CLI's bundle by the hash its build gave it (on a Node without `zlib.crc32` the sums are SHA-1s)
    const moduleList = path.join(tmp, 'modules.txt');
    const preload = path.join(tmp, 'modules.cjs');
    fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(moduleList)}, process.moduleLoadList.join('\\n')));`);
    const watched = await runBundle(cli, project, ['lint', '--format', 'json', '--cache', '--cache-location', cacheFile], tmp, { NODE_OPTIONS: `--require=${preload}` });
    assert.strictEqual(watched.stdout, serial.stdout);
    const modules = fs.readFileSync(moduleList, 'utf8').split('\n');
    assert.ok(modules.includes('NativeModule fs'), 'the list of loaded modules was written');
    if (typeof (require('zlib') as { crc32?: unknown }).crc32 === 'function') assert.ok(!modules.includes('NativeModule crypto'), 'the rescan loaded crypto');
    // SARIF names the rules, so a rescan writing it loads the engine, but writes no cache of it: one written then would
    // hold only what the rules' descriptions compile, and later scans would take it as it is
    const sarif = await runBundle(cli, project, ['lint', '--format', 'sarif', '--cache', '--cache-location', cacheFile], tmp);
    assert.strictEqual(sarif.stderr, '');
    assert.ok((JSON.parse(sarif.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0].results.length > 0, 'the SARIF has the findings');
    assert.deepStrictEqual(engineCaches(), [], 'the SARIF rescan left a code cache of the engine');
    // nor does `routes`, which reads the files' facts and analyses none of them
    const routes = await runBundle(cli, project, ['routes', '--format', 'json'], tmp);
    assert.strictEqual(routes.code, 0, routes.stderr);
    assert.deepStrictEqual(engineCaches(), [], 'the routes run left a code cache of the engine');
    // a changed file needs the engine
    fs.appendFileSync(path.join(project, 'src', 'db.js'), '\n// changed\n');
    const changed = await runBundle(cli, project, ['lint', '--format', 'json', '--cache', '--cache-location', cacheFile], tmp);
    assert.strictEqual(changed.stderr, '');
    assert.strictEqual(engineCaches().length, 1, 'the scan of a changed file loaded the engine');
  });
});
