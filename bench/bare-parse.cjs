// The baseline: one Node process that loads tree-sitter and parses every file once, nothing else.
// Usage: node bench/bare-parse.cjs FILELIST.json
const fs = require('fs');
const path = require('path');
const { Parser, Language } = require('@vscode/tree-sitter-wasm');

const GRAMMAR = { '.js': 'javascript', '.cjs': 'javascript', '.mjs': 'javascript', '.jsx': 'javascript', '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'tsx', '.py': 'python', '.php': 'php', '.java': 'java', '.rb': 'ruby' };

(async () => {
  const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const wasmDir = path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  await Parser.init({ locateFile: (f) => path.join(wasmDir, f) });
  const parsers = new Map();
  let nodes = 0;
  for (const file of files) {
    const grammar = GRAMMAR[path.extname(file)];
    if (!grammar) continue;
    if (!parsers.has(grammar)) {
      const language = await Language.load(fs.readFileSync(path.join(wasmDir, `tree-sitter-${grammar}.wasm`)));
      parsers.set(grammar, new Parser().setLanguage(language));
    }
    const tree = parsers.get(grammar).parse(fs.readFileSync(file, 'utf8'));
    nodes += tree.rootNode.descendantCount;
    tree.delete();
  }
  process.stdout.write(`${nodes}\n`);
})();
