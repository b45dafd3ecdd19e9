import * as assert from 'assert';
import * as path from 'path';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The modules esbuild puts in a bundle of `entry` (the extension's own build options: vscode and the vendored libraries apart, as esbuild.js keeps them). */
async function bundledModules(entry: string): Promise<string[]> {
  const { vendorSplit } = require(path.join(ROOT, 'esbuild-plugins.js')) as { vendorSplit: import('esbuild').Plugin };
  const result = await build({
    entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true,
    external: ['vscode'], plugins: [vendorSplit], logLevel: 'silent', logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return Object.keys((result.metafile as Metafile).inputs);
}

/**
 * What only the engine's bundle may hold: the parser runtime, the rules (the registry imports every one), the languages'
 * analysers, the analysis and the project index with its facts extraction. Small helpers of the engine (SQL text
 * reading for the replay, the public-route marker) may be in both.
 */
const ENGINE_ONLY = [
  /node_modules\/@vscode\/tree-sitter-wasm\//, /^src\/engine\/languages\//,
  /^src\/engine\/(parser|registry|analyze)\.ts$/, /^src\/engine\/project\/(project-index|extract-facts)\.ts$/,
];

describe('extension bundles', () => {
  it('activation loads no engine: the extension bundle holds neither the parser, the rules nor the project index', async function () {
    this.timeout(60_000);
    const modules = await bundledModules('src/extension/extension.ts');
    assert.ok(modules.includes('src/extension/extension.ts') && modules.length > 50, `bundled ${modules.length} modules`);
    assert.deepStrictEqual(modules.filter((m) => ENGINE_ONLY.some((p) => p.test(m))), []);
  });

  it('the engine bundle the extension loads on first use holds them', async function () {
    this.timeout(60_000);
    const modules = await bundledModules('src/extension/extension-engine.ts');
    for (const pattern of ENGINE_ONLY) assert.ok(modules.some((m) => pattern.test(m)), `nothing matching ${pattern}`);
  });
});
