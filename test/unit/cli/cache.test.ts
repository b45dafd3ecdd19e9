import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { scanProject } from '../../../src/cli/parallel-scan';
import { contentHash, contentHashOfBytes, ScanCache } from '../../../src/cli/scan-cache';
import { collectSourceFiles } from '../../../src/cli/walk';
import { defaultConfig } from '../../../src/engine/config';
import { generatedProject } from './generated-project';
import { cli } from './run-cli';

/** The JSON report of `lint` with the given extra arguments, run in `root`. */
async function lintJson(root: string, ...argv: string[]): Promise<{ json: unknown; stderr: string }> {
  const run = await cli(root, 'lint', '.', '--format', 'json', ...argv);
  return { json: JSON.parse(run.stdout), stderr: run.stderr };
}

/** A scan of `root` through the engine's scan with the cache at `location` (judging file times by `now`), saved afterwards. */
async function cachedScan(root: string, location: string, threads = 1, now?: number) {
  const config = defaultConfig();
  const { files } = collectSourceFiles(['.'], root, config.ignore);
  const cache = ScanCache.load(location, 'test-key', now);
  const scan = await scanProject(files, { root, displayRoot: root, config, keptTreeChars: 0 }, { threads, analyze: true, cache });
  assert.strictEqual(cache.save(), undefined);
  return scan;
}

const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bg-cache-')), 'cache');

/** What `run` gives, and which of `files` it opened (in this thread). */
async function opening<T>(files: readonly string[], run: () => Promise<T>): Promise<{ result: T; opened: string[] }> {
  const watched = new Set(files);
  const opened: string[] = [];
  // Node's own module object (the `fs` above is a view of it, which every module's reads through)
  const nodeFs = require('fs') as { openSync: (...args: unknown[]) => number };
  const openSync = nodeFs.openSync;
  nodeFs.openSync = (file: unknown, ...rest: unknown[]) => {
    if (watched.has(String(file))) opened.push(String(file));
    return openSync(file, ...rest);
  };
  try {
    return { result: await run(), opened };
  } finally {
    nodeFs.openSync = openSync;
  }
}

describe('--cache', () => {
  it('rescans an unchanged project from the cache: nothing parsed, nothing analysed, the same report', async () => {
    const root = generatedProject(5);
    const location = cacheFile();
    const cold = await cachedScan(root, location);
    assert.deepStrictEqual(cold.fromCache, { facts: 0, reports: 0 });
    const warm = await cachedScan(root, location);
    assert.strictEqual(warm.fromCache?.reports, warm.reports?.length, 'every report came from the cache');
    assert.ok((warm.fromCache?.facts ?? 0) > 0, 'facts came from the cache');
    assert.deepStrictEqual(warm.reports, cold.reports);
    // the facts read back are the ones extracted, key for key (keys holding `undefined` included), text hashes too
    assert.deepStrictEqual([...warm.project.files], [...cold.project.files]);
  });

  it('rescans without reading the files unchanged for a while before they were cached, and reads one whose content changed though its size and modification time did not', async () => {
    const root = generatedProject(4);
    const location = cacheFile();
    const { files } = collectSourceFiles(['.'], root, defaultConfig().ignore);
    const edited = path.join(root, 'src/routes/thing1.js');
    // whole seconds, which the edit below can set again exactly
    const modified = Math.floor(Date.now() / 1000) - 100;
    fs.utimesSync(edited, modified, modified);
    // just written: the files may still change within their time stamps, so a rescan reads every one
    await cachedScan(root, location);
    const fresh = await opening(files, () => cachedScan(root, location));
    assert.deepStrictEqual([...fresh.opened].sort(), [...files].sort());
    assert.strictEqual(fresh.result.fromCache?.reports, fresh.result.reports?.length);
    // by a clock a minute later they have been still for long enough: the rescan that reads them last keeps their stat
    const later = Date.now() + 60_000;
    await cachedScan(root, location, 1, later);
    const still = await opening(files, () => cachedScan(root, location, 1, later));
    assert.deepStrictEqual(still.opened, []);
    assert.strictEqual(still.result.fromCache?.reports, still.result.reports?.length);
    assert.deepStrictEqual(still.result.reports, fresh.result.reports);
    // the same size and modification time: only the change time, which no program can set back, tells
    const before = fs.statSync(edited);
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('requireAuth, ', '/*quireAuth*/'));
    fs.utimesSync(edited, modified, modified);
    assert.deepStrictEqual([fs.statSync(edited).size, fs.statSync(edited).mtimeMs], [before.size, before.mtimeMs]);
    const changed = await opening(files, () => cachedScan(root, location, 1, later));
    assert.ok(changed.opened.includes(edited), 'the edited file was read');
    const config = defaultConfig();
    const uncached = await scanProject(files, { root, displayRoot: root, config, keptTreeChars: 0 }, { threads: 1, analyze: true });
    assert.deepStrictEqual(changed.result.reports, uncached.reports);
    assert.notDeepStrictEqual(changed.result.reports, still.result.reports, 'the edit changed a finding');
  });

  it('keeps text outside ASCII and keys holding undefined through the cache', async () => {
    const root = generatedProject(2);
    fs.writeFileSync(path.join(root, 'src/routes/unicode.js'), "const express = require('express');\nconst router = express.Router();\nrouter.post('/café/☕', (req, res) => res.json({ 'naïve': '𝔘' }));\nmodule.exports = router;\n");
    const location = cacheFile();
    const cold = await cachedScan(root, location);
    const warm = await cachedScan(root, location);
    assert.strictEqual(warm.fromCache?.reports, warm.reports?.length);
    assert.deepStrictEqual(warm.reports, cold.reports);
    assert.deepStrictEqual([...warm.project.files], [...cold.project.files]);
    const unicode = [...warm.project.files.values()].find((facts) => facts.fileName.endsWith('unicode.js'));
    assert.strictEqual(unicode?.events[0]?.path, '/café/☕');
  });

  it('rescans from the cache alone files with a byte-order mark or bytes that are not UTF-8', async () => {
    const root = generatedProject(2);
    fs.writeFileSync(path.join(root, 'src/bom.js'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("module.exports = 'bom';\n")]));
    fs.writeFileSync(path.join(root, 'src/latin1.js'), Buffer.concat([Buffer.from("module.exports = '"), Buffer.from([0xe9, 0xff]), Buffer.from("';\n")]));
    const location = cacheFile();
    const cold = await cachedScan(root, location);
    const warm = await cachedScan(root, location);
    assert.strictEqual(warm.fromCache?.reports, warm.reports?.length, 'every report came from the cache');
    assert.deepStrictEqual(warm.reports, cold.reports);
    // the check of an unchanged project hashes bytes as the facts pass hashes the text they decode to
    for (const name of ['src/bom.js', 'src/latin1.js', 'src/app.js']) {
      const bytes = fs.readFileSync(path.join(root, name));
      assert.strictEqual(contentHashOfBytes(bytes), contentHash(bytes.toString('utf8')), name);
    }
  });

  it('starts afresh without a word from a cache of an earlier layout, and says why when a cache file is cut short', async () => {
    const root = generatedProject(3);
    const location = cacheFile();
    // layouts 1 and 2 were v8.serialize bytes
    fs.writeFileSync(location, v8.serialize({ format: 2, key: 'test-key', digest: '', files: new Map() }));
    const older = ScanCache.load(location, 'test-key');
    assert.strictEqual(older.note, undefined);
    const cold = await cachedScan(root, location);
    const bytes = fs.readFileSync(location);
    // a byte of the index: the section a rescan reads (the facts section is checked when read, see below)
    const flipped = Buffer.from(bytes);
    flipped[bytes.indexOf(10) + 10] ^= 1;
    for (const damaged of [bytes.subarray(0, Math.floor(bytes.length / 2)), bytes.subarray(0, bytes.length - 3), bytes.subarray(0, bytes.indexOf(10) + 5), flipped]) {
      fs.writeFileSync(location, damaged);
      assert.match(ScanCache.load(location, 'test-key').note ?? '', /cannot be read|not a Backend Guide cache/);
    }
    fs.writeFileSync(location, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const again = await cachedScan(root, location);
    assert.deepStrictEqual(again.fromCache, { facts: 0, reports: 0 });
    assert.deepStrictEqual(again.reports, cold.reports);
  });

  it('rescans an unchanged project without reading the facts, and parses every file again when a changed one finds them damaged', async () => {
    const root = generatedProject(3);
    const location = cacheFile();
    const cold = await cachedScan(root, location);
    const bytes = fs.readFileSync(location);
    const trailer = JSON.parse(bytes.subarray(bytes.lastIndexOf(10) + 1).toString('utf8')) as { index: number };
    const flipped = Buffer.from(bytes);
    // a quote of the first file's facts becomes a hash sign: the facts no longer decode, let alone hash the same
    const quote = bytes.indexOf('"', trailer.index + 1);
    assert.ok(quote > trailer.index && quote < bytes.lastIndexOf(10), 'a byte of the facts section');
    flipped[quote] = '#'.charCodeAt(0);
    fs.writeFileSync(location, flipped);
    const { files } = collectSourceFiles(['.'], root, defaultConfig().ignore);
    const unchanged = ScanCache.load(location, 'test-key');
    const rescan = await scanProject(files, { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 }, { threads: 1, analyze: true, cache: unchanged });
    assert.strictEqual(rescan.fromCache?.reports, rescan.reports?.length, 'an unchanged project needs no facts');
    assert.deepStrictEqual(rescan.reports, cold.reports);
    assert.strictEqual(unchanged.note, undefined, 'the index alone was read, and is whole');
    fs.writeFileSync(location, flipped);
    fs.appendFileSync(path.join(root, 'src/routes/thing1.js'), '// edited\n');
    const cache = ScanCache.load(location, 'test-key');
    const scan = await scanProject(files, { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 }, { threads: 1, analyze: true, cache });
    assert.match(cache.note ?? '', /is damaged; its facts were made again/);
    assert.strictEqual(scan.fromCache?.facts, 0, 'every file was parsed again');
    const fresh = await scanProject(files, { root, displayRoot: root, config: defaultConfig(), keptTreeChars: 0 }, { threads: 1, analyze: true });
    assert.deepStrictEqual(scan.reports, fresh.reports);
  });

  it('re-analyses only the edited file when its edit leaves the project facts as they were', async () => {
    const root = generatedProject(4);
    const location = cacheFile();
    await cachedScan(root, location);
    const edited = path.join(root, 'test/routes.test.js');
    fs.appendFileSync(edited, '// one more line\n');
    const warm = await cachedScan(root, location);
    assert.strictEqual(warm.fromCache?.reports, (warm.reports?.length ?? 0) - 1);
  });

  it('changes a route finding in another file when a middleware file changes, as a fresh scan does', async () => {
    const root = generatedProject(4);
    const location = path.join(root, '.backendguide-cache');
    const before = await lintJson(root, '--cache');
    assert.ok(fs.existsSync(location), 'the cache file is written beside the project');
    // the auth middleware stops refusing: routes guarded by it in routes/thing1.js become unprotected
    fs.writeFileSync(path.join(root, 'src/auth.js'), 'module.exports.requireAuth = (req, res, next) => {\n  next();\n};\n');
    const cached = await lintJson(root, '--cache');
    const fresh = await lintJson(root);
    assert.deepStrictEqual(cached.json, fresh.json);
    const thing1 = (json: unknown) => JSON.stringify((json as { files: Array<{ path: string; findings: unknown[] }> }).files.find((f) => f.path === 'src/routes/thing1.js'));
    assert.notStrictEqual(thing1(cached.json), thing1(before.json), 'the finding in routes/thing1.js changed');
  });

  it("re-analyses a function's file when a caller in another file changes what it passes, though none of the caller's indexed facts change", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-cache-callers-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'callers', dependencies: { pg: '^8.0.0' } }));
    fs.writeFileSync(path.join(root, 'src/pool.js'), "module.exports = require('pg').Pool();\n");
    fs.writeFileSync(path.join(root, 'src/db.js'), "const pool = require('./pool');\nexport function byOwner(owner) {\n  return pool.query('SELECT * FROM items WHERE owner = ' + owner);\n}\n");
    const caller = path.join(root, 'src/mine.js');
    // the call's arguments are read only when asked (deferred facts): the caller's facts are the same before and after
    fs.writeFileSync(caller, "import { byOwner } from './db';\nexport function mine(id) {\n  return byOwner(42);\n}\n");
    const location = cacheFile();
    const findingsIn = (scan: Awaited<ReturnType<typeof cachedScan>>) => scan.reports?.find((r) => r.relative === 'src/db.js')?.findings.length;
    assert.strictEqual(findingsIn(await cachedScan(root, location)), 0, 'the only caller passes a constant');
    fs.writeFileSync(caller, "import { byOwner } from './db';\nexport function mine(id) {\n  return byOwner(id);\n}\n");
    const warm = await cachedScan(root, location);
    assert.strictEqual(findingsIn(warm), 1, 'the caller now passes a value of unknown origin');
    assert.strictEqual(warm.fromCache?.reports, 1, 'only pool.js kept its report; db.js read the changed caller');
  });

  it('gives the same reports from the cache on several threads as a scan without it', async () => {
    const root = generatedProject(80);
    const location = cacheFile();
    await cachedScan(root, location, 2);
    fs.appendFileSync(path.join(root, 'src/routes/thing7.js'), '// edited\n');
    const parallel = await cachedScan(root, location, 2);
    assert.ok((parallel.fromCache?.reports ?? 0) > 0, 'some reports came from the cache');
    assert.ok((parallel.fromCache?.reports ?? 0) < (parallel.reports?.length ?? 0), 'the edited file was analysed again');
    const config = defaultConfig();
    const { files } = collectSourceFiles(['.'], root, config.ignore);
    const fresh = await scanProject(files, { root, displayRoot: root, config, keptTreeChars: 0 }, { threads: 1, analyze: true });
    assert.deepStrictEqual(parallel.reports, fresh.reports);
  });

  it('analyses every file again when the package.json files, the set of files or their order differ, as a fresh scan would', async () => {
    const config = defaultConfig();
    const settings = (root: string) => ({ root, displayRoot: root, config, keptTreeChars: 0 });
    const scan = async (root: string, files: readonly string[], location?: string) => {
      const cache = location === undefined ? undefined : ScanCache.load(location, 'test-key');
      const result = await scanProject(files, settings(root), { threads: 1, analyze: true, cache });
      cache?.save();
      return result;
    };
    const root = generatedProject(3);
    const location = cacheFile();
    const { files } = collectSourceFiles(['.'], root, config.ignore);
    await scan(root, files, location);
    // a dependency changes which driver a query belongs to: no report made before still holds
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'generated', dependencies: { express: '^4.0.0', pg: '^8.0.0' } }));
    const newPackages = await scan(root, files, location);
    assert.strictEqual(newPackages.fromCache?.reports, 0, 'reports were made again after package.json changed');
    assert.deepStrictEqual(newPackages.reports, (await scan(root, files)).reports);
    const fewer = files.filter((file) => !file.endsWith('auth.js'));
    const withoutAuth = await scan(root, fewer, location);
    assert.strictEqual(withoutAuth.fromCache?.reports, 0, 'reports were made again without the auth middleware file');
    assert.deepStrictEqual(withoutAuth.reports, (await scan(root, fewer)).reports);
    await scan(root, files, location);
    const reversed = [...files].reverse();
    assert.strictEqual((await scan(root, reversed, location)).fromCache?.reports, 0, 'reports were made again for another scan order');
  });

  it('starts afresh, saying why, from a damaged cache file, and ignores a cache made for another configuration', async () => {
    const root = generatedProject(2);
    const location = path.join(root, 'cache');
    fs.writeFileSync(location, 'not a cache');
    const damaged = await lintJson(root, '--cache-location', 'cache');
    assert.match(damaged.stderr, /cache .*(not a Backend Guide cache|cannot be read)/);
    assert.deepStrictEqual(damaged.json, (await lintJson(root)).json);
    const other = ScanCache.load(location, 'another key');
    assert.strictEqual(other.knownHashes([path.join(root, 'src/app.js')]).size, 0, 'a cache made under another key gives nothing');
  });
});
