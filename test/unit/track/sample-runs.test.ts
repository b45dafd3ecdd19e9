import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandSnippet } from '../../../src/engine/snippet-expand';
import { SAMPLE_FILES } from '../../../src/extension/guide/sample-files';
import { moduleSyntaxOf, packageTypeOf, snippetFormFor, type NodeSnippet } from '../../../src/extension/snippets/snippet-forms';
import { startApp } from '../../../src/track/app-process';
import { REPO } from './track-project';

const VARIANTS: Record<string, NodeSnippet> = JSON.parse(fs.readFileSync(path.join(REPO, 'snippets', 'node', 'variants.json'), 'utf8'));

function snippetByPrefix(prefix: string): NodeSnippet | undefined {
  return Object.values(VARIANTS).find((s) => [s.prefix].flat().includes(prefix));
}

/** The `bg-` snippets a walkthrough step or a track step tells the learner to type. */
function snippetsTheStepsAskFor(): string[] {
  const texts = [fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8')];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(abs);
      else if (entry.name.endsWith('.md')) texts.push(fs.readFileSync(abs, 'utf8'));
    }
  };
  visit(path.join(REPO, 'walkthroughs', 'steps'));
  visit(path.join(REPO, 'walkthroughs', 'track'));
  return [...new Set(texts.flatMap((t) => t.match(/\bbg-[a-z0-9-]+/g) ?? []))].sort();
}

/** The embedded sample written to a temporary folder, its node_modules linked to the repository's. */
function writeSample(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-sample-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('the walkthrough sample project installs without a native build and keeps one module system', function () {
  this.timeout(60_000);
  const pkg = JSON.parse(SAMPLE_FILES['package.json']);

  it('depends on nothing that compiles native code, and says it is CommonJS for Node 22 or later', () => {
    assert.deepStrictEqual(Object.keys(pkg.dependencies).sort(), ['express', 'sql.js']);
    assert.strictEqual(pkg.type, 'commonjs');
    assert.match(pkg.engines.node, />=\s*2[2-9]/);
    const sqlJs = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'sql.js', 'package.json'), 'utf8'));
    assert.ok(!sqlJs.scripts?.install && !sqlJs.scripts?.postinstall && !sqlJs.gypfile, 'sql.js runs no install script');
  });

  it('every JavaScript file of the sample is CommonJS', () => {
    for (const [file, text] of Object.entries(SAMPLE_FILES).filter(([f]) => f.endsWith('.js'))) assert.notStrictEqual(moduleSyntaxOf(text), 'esm', file);
  });

  it('every snippet a step asks for is inserted into the sample in its CommonJS form', () => {
    const asked = snippetsTheStepsAskFor();
    assert.ok(asked.includes('bg-helmet'), `found ${asked.join(', ')}`);
    for (const prefix of asked) {
      const snippet = snippetByPrefix(prefix);
      if (!snippet) continue; // a snippet of another language (Dockerfile, SQL): no module system
      const form = snippetFormFor({ languageId: 'javascript', fileName: 'src/app.js', text: SAMPLE_FILES['src/app.js'] }, packageTypeOf(SAMPLE_FILES['package.json']));
      assert.strictEqual(form, 'commonjs', prefix);
      const body = snippet.forms.commonjs;
      assert.ok(body, `${prefix} has a CommonJS form`);
      assert.notStrictEqual(moduleSyntaxOf(expandSnippet(body)), 'esm', `${prefix}: its CommonJS form holds ES module syntax`);
    }
  });

  it('runs on sql.js: it starts, serves its products, and its injection flaw is real', async () => {
    const dir = writeSample(SAMPLE_FILES);
    const started = await startApp({ cwd: dir, entry: 'src/app.js', node: process.execPath, env: { DATABASE_FILE: path.join(dir, 'shop.db') } });
    try {
      assert.strictEqual(started.kind, 'listening', started.kind === 'failed' ? started.reason : '');
      if (started.kind !== 'listening') return;
      const tools = (await (await fetch(`${started.app.baseUrl}/products?category=tools`)).json()) as { data: unknown[] };
      assert.strictEqual(tools.data.length, 2);
      const leaked = (await (await fetch(`${started.app.baseUrl}/products?category=${encodeURIComponent("x' OR '1'='1")}`)).json()) as { data: unknown[] };
      assert.strictEqual(leaked.data.length, 3, 'the concatenated query returns every product');
      assert.strictEqual((await fetch(`${started.app.baseUrl}/orders/1`, { method: 'DELETE' })).status, 404, 'the unprotected delete runs for anyone');
    } finally {
      if (started.kind === 'listening') await started.app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still starts after the Helmet step is done the way it says (type bg-helmet after the app is created), and sends the headers', async () => {
    const helmet = expandSnippet(snippetByPrefix('bg-helmet')!.forms.commonjs!);
    const app = SAMPLE_FILES['src/app.js'].replace('const app = express();\n', `const app = express();\n${helmet}\n`);
    assert.notStrictEqual(app, SAMPLE_FILES['src/app.js']);
    const dir = writeSample({ ...SAMPLE_FILES, 'src/app.js': app });
    const started = await startApp({ cwd: dir, entry: 'src/app.js', node: process.execPath, env: { DATABASE_FILE: path.join(dir, 'shop.db') } });
    try {
      assert.strictEqual(started.kind, 'listening', started.kind === 'failed' ? started.reason : '');
      if (started.kind !== 'listening') return;
      const res = await fetch(`${started.app.baseUrl}/health`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    } finally {
      if (started.kind === 'listening') await started.app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
