import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import { sharedGrammars } from '../../../src/engine/parser';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
type Rewrite = (text: string, file: string) => string;
const { nodeHandleAsProperty, nodeTypeKept } = require(path.join(ROOT, 'esbuild-plugins.js')) as { nodeHandleAsProperty: Rewrite; nodeTypeKept: Rewrite };
const RUNTIME = require.resolve('@vscode/tree-sitter-wasm');
const WASM_DIR = path.dirname(RUNTIME);
const SOURCE = 'const app = express();\napp.get("/a", (req, res) => res.send(req.query.q));\nmodule.exports = { app };\n';

type Runtime = typeof TreeSitter;

/** `SOURCE` parsed by a runtime of its own (the rewritten one: initialising the installed one again would replace the engine's). */
async function parseWith(runtime: Runtime): Promise<TreeSitter.Tree> {
  await runtime.Parser.init({ locateFile: (file: string) => path.join(WASM_DIR, file) });
  const language = await runtime.Language.load(fs.readFileSync(path.join(WASM_DIR, 'tree-sitter-javascript.wasm')));
  const tree = new runtime.Parser().setLanguage(language).parse(SOURCE);
  assert.ok(tree);
  return tree;
}

/** Every node below `node` as type, range, field children and parent, read through the wrappers the engine reads. */
function nodeLines(node: TreeSitter.Node): string[] {
  const lines = [`${node.type} ${node.startIndex}-${node.endIndex} name=${node.childForFieldName('name')?.text ?? ''} parent=${node.parent?.type ?? ''}`];
  for (const child of node.namedChildren) if (child) lines.push(...nodeLines(child));
  return lines;
}

describe('the tree-sitter runtime as bundled', () => {
  it('keeps a node handle as a named property and its type once read, and reads the same nodes as the installed runtime', async function () {
    this.timeout(20_000);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-runtime-'));
    const rewritten = path.join(folder, 'tree-sitter.js');
    fs.writeFileSync(rewritten, nodeTypeKept(nodeHandleAsProperty(fs.readFileSync(RUNTIME, 'utf8'), RUNTIME), RUNTIME));
    const patched = await parseWith(require(rewritten) as Runtime);
    const installed = (await sharedGrammars().parserFor('javascript')).parse(SOURCE);
    assert.ok(installed);
    // no elements store per node: the reason for the rewrite
    assert.strictEqual(Object.prototype.hasOwnProperty.call(patched.rootNode, 0), false);
    assert.strictEqual(Object.prototype.hasOwnProperty.call(installed.rootNode, 0), true, 'the installed runtime keeps the handle as element 0; the rewrite may no longer be needed');
    assert.deepStrictEqual(nodeLines(patched.rootNode), nodeLines(installed.rootNode));
    const node = patched.rootNode.namedChildren[0]!;
    assert.strictEqual((node as unknown as { typeName?: string }).typeName, undefined);
    assert.strictEqual(node.type, 'lexical_declaration');
    assert.strictEqual((node as unknown as { typeName?: string }).typeName, 'lexical_declaration', 'the type read is kept on the node');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('fails the build when the runtime no longer has the code it rewrites', () => {
    assert.throws(() => nodeHandleAsProperty('var Node = class { constructor() {} };', 'tree-sitter.js'), /not found/);
    assert.throws(() => nodeTypeKept('var Node = class { constructor() { this.handle = other; } };', 'tree-sitter.js'), /not found/);
  });
});
