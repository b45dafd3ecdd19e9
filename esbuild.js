// Builds the extension and CLI bundles into dist/ and copies the tree-sitter WASM files they load.
// Usage: node esbuild.js [--production] [--watch]
const esbuild = require('esbuild');
const { CODE_CACHE_LOADS, VENDORED, builtinImportsAsRequire, builtCodeHashes, builtEngineHash, treeSitterNodes, vendorFile, vendorSplit } = require('./esbuild-plugins');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The grammars the engine loads (see src/engine/languages.ts) plus the runtime. */
const WASM_FILES = ['tree-sitter.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-python.wasm', 'tree-sitter-php.wasm', 'tree-sitter-java.wasm', 'tree-sitter-ruby.wasm'];

function copyWasm() {
  const from = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  const to = path.join(__dirname, 'dist', 'wasm');
  fs.mkdirSync(to, { recursive: true });
  for (const file of WASM_FILES) fs.copyFileSync(path.join(from, file), path.join(to, file));
  // sql.js's SQLite, for the attack replay (src/engine/replay/sandbox.ts)
  fs.copyFileSync(path.join(path.dirname(require.resolve('sql.js')), 'sql-wasm.wasm'), path.join(to, 'sql-wasm.wasm'));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // parser.ts resolves the WASM folder from node_modules only when running unbundled (tests).
  logOverride: { 'require-resolve-not-external': 'silent' },
};

/** Reports each rebuild in watch mode, in the format the `$esbuild-watch` problem matcher reads. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) console.error(`✘ [ERROR] ${text}\n    ${location?.file}:${location?.line}:${location?.column}:`);
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  // A clean dist/ on every one-off build, so no stale file (an old source map, a removed bundle) ships.
  if (!watch) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  copyWasm();
  const builds = [
    // the extension: `dist/extension.js` (src/extension/loader.ts) loads `dist/extension-main.js` through the code cache
    { ...common, entryPoints: ['src/extension/loader.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension-main.js', external: ['vscode'], plugins: [vendorSplit] },
    // and that loads `dist/extension-engine.js` (the grammars, the rules, the project index) on first use, the same way
    { ...common, entryPoints: ['src/extension/extension-engine.ts'], outfile: 'dist/extension-engine.js', plugins: [vendorSplit, builtinImportsAsRequire] },
    // the editor's analysis worker (src/analysis-worker/), started by the extension on first use
    { ...common, entryPoints: ['src/analysis-worker/worker-main.ts'], outfile: 'dist/analysis-worker.js', plugins: [vendorSplit, treeSitterNodes] },
    // the CLI: `dist/cli.js` (the command) loads `dist/cli-main.js` (the commands) through a V8 code cache
    // (src/cli/code-cache.ts), and that loads `dist/scan-engine.js` (the scanner and the engine) when a command
    // needs it: a rescan of an unchanged project from --cache does not
    { ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [vendorSplit] },
    // the CLI's scan threads: `dist/scan-thread.js` (src/cli/scan-thread.ts) loads `dist/scan-engine.js` too, which
    // loads the `check` command's modules (child_process, net, the learning track) only when that command runs
    { ...common, entryPoints: ['src/cli/scan-thread.ts'], outfile: 'dist/scan-thread.js' },
    ...VENDORED.map((name) => ({ ...common, entryPoints: [require.resolve(name)], outfile: `dist/${vendorFile(name)}` })),
  ];
  const engine = { ...common, entryPoints: ['src/cli/scan-engine.ts'], outfile: 'dist/scan-engine.js', plugins: [vendorSplit, builtinImportsAsRequire] };
  if (watch) {
    const contexts = await Promise.all([...builds, engine].map((b) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), watchReporter] })));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  // A bundle loaded through the code cache is built before the bundles that load it (`CODE_CACHE_LOADS`), which are
  // given its hash (see `builtCodeHashes`); the commands' bundle also gets the engine's for the --cache key (see `builtEngineHash`).
  const all = [...builds, engine];
  const done = new Map();
  const buildAfterWhatItLoads = (b) => {
    if (!done.has(b.outfile)) {
      done.set(b.outfile, (async () => {
        const loaded = (CODE_CACHE_LOADS[path.basename(b.outfile)] ?? []).map((file) => `dist/${file}`);
        await Promise.all(loaded.map((file) => buildAfterWhatItLoads(all.find((other) => other.outfile === file))));
        const define = loaded.length ? { ...builtCodeHashes(...loaded), ...(b.outfile === 'dist/cli-main.js' ? builtEngineHash(engine.outfile) : {}) } : undefined;
        await esbuild.build({ ...b, define });
      })());
    }
    return done.get(b.outfile);
  };
  await Promise.all(all.map(buildAfterWhatItLoads));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
