// esbuild plugins shared by esbuild.js and the tests that build bundles the same way.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const TREE_SITTER_RUNTIME = /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/;

/** Applies one rewrite of the tree-sitter runtime, failing the build when it no longer matches (a new runtime version). */
function rewriteOnce(text, pattern, replacement, file, what) {
  const rewritten = text.replace(pattern, replacement);
  if (rewritten === text) throw new Error(`${file}: ${what} not found; check esbuild-plugins.js`);
  return rewritten;
}

/**
 * Code run from a V8 code cache through `vm.Script` (src/cli/code-cache.ts) cannot `import()` on Node 20 (it
 * needs --experimental-vm-modules); the tree-sitter runtime imports two of Node's own modules that way, inside
 * a function that declares a `require` of its own. Its `import("x")` becomes the module-level `require("x")`.
 */
function importsAsRequire(text, file) {
  const rewritten = rewriteOnce(text, /\bimport\(("(?:fs\/promises|module)")\)/g, 'Promise.resolve(__moduleRequire($1))', file, 'no import() of a Node module');
  return `var __moduleRequire = require;\n${rewritten}`;
}

/**
 * The runtime's syntax node keeps its WASM handle as element 0 of the object (`this[0] = other`), so each node
 * made (every `namedChildren`, `childForFieldName`, `parent` read makes new ones) also gets an elements store of
 * its own, the costliest part of making it: about a fifth of the JavaScript facts pass of the bench corpus. The
 * handle becomes a named property, read where the node is handed to WASM (`marshalNode`); nothing else reads it.
 */
function nodeHandleAsProperty(text, file) {
  let rewritten = rewriteOnce(text, /(var Node = class \{\s*static \{[^}]*\}[^[]*?)\[0\] = 0;/, '$1', file, "the Node class's element 0");
  rewritten = rewriteOnce(rewritten, /(var Node = class \{[\s\S]{0,1000}?)this\[0\] = other;/, '$1this.handle = other;', file, "the Node constructor's handle");
  return rewriteOnce(rewritten, /C\.setValue\(address, node\[0\], "i32"\);/, 'C.setValue(address, node.handle, "i32");', file, "marshalNode's read of the handle");
}

/**
 * A node's type is asked of the runtime (a call into WASM) on every read, and the engine reads the type of the
 * same node object again and again (a scope lookup, then the step that follows it, then the rule that reads the
 * node). A node's type never changes, so the first read is kept on the node. The slot is made in the
 * constructor, so that every node has the same shape.
 */
function nodeTypeKept(text, file) {
  const rewritten = rewriteOnce(text, /(var Node = class \{[\s\S]{0,1000}?this\.handle = other;)/, '$1\n    this.typeName = void 0;', file, "the Node constructor's handle");
  return rewriteOnce(rewritten, /( {2}get type\(\) \{\n\s*return )(this\.tree\.language\.types\[this\.typeId\] \|\| "ERROR";)/, '$1this.typeName ??= $2', file, "the Node's type getter");
}

/** The tree-sitter runtime as bundled: with `importsAsRequire` also loadable from a code cache (see above). */
function treeSitterRuntime(options) {
  return {
    name: options.importsAsRequire ? 'tree-sitter-runtime-cached' : 'tree-sitter-runtime',
    setup(build) {
      build.onLoad({ filter: TREE_SITTER_RUNTIME }, (args) => {
        let text = nodeTypeKept(nodeHandleAsProperty(fs.readFileSync(args.path, 'utf8'), args.path), args.path);
        if (options.importsAsRequire) text = importsAsRequire(text, args.path);
        return { contents: text, loader: 'js' };
      });
    },
  };
}

/** For the bundles loaded through the code cache (the CLI's engine, which its scan threads load too, and the extension). */
const builtinImportsAsRequire = treeSitterRuntime({ importsAsRequire: true });
/** For the other bundles (the extension and its analysis worker). */
const treeSitterNodes = treeSitterRuntime({ importsAsRequire: false });

/**
 * The `define` that gives the CLI's commands (src/cli/main.ts) the hash of the engine's bundle built before them,
 * which the `--cache` key names (see `engineKey`): the same SHA-1 the commands would otherwise take of that file
 * each run (680 KB: about 2% of a rescan from --cache). Only for a one-off build, in which the engine's bundle
 * cannot change after it: in watch mode the bundles rebuild apart, and the commands hash the file as they run.
 */
function builtEngineHash(engineBundle) {
  return { BUILT_ENGINE_HASH: JSON.stringify(crypto.createHash('sha1').update(fs.readFileSync(engineBundle)).digest('base64')) };
}

/**
 * The `define` that gives a bundle the SHA-1 (first 20 hex digits, as `cacheFileOf` in src/cli/code-cache.ts names
 * caches) of each bundle it loads through the code cache, built before it: it then does not hash them as it loads
 * them. Only for a one-off build, for the same reason as `builtEngineHash`.
 */
function builtCodeHashes(...bundles) {
  const hashes = Object.fromEntries(bundles.map((file) => [path.basename(file), crypto.createHash('sha1').update(fs.readFileSync(file, 'utf8')).digest('hex').slice(0, 20)]));
  return { BUILT_CODE_HASHES: JSON.stringify(hashes) };
}

/**
 * Which bundle in dist/ loads which through the code cache (src/cli/code-cache.ts), by file name: each is built
 * after those it loads, and given their hashes (`builtCodeHashes`).
 */
const CODE_CACHE_LOADS = {
  'cli.js': ['cli-main.js'], 'cli-main.js': ['scan-engine.js'], 'scan-thread.js': ['scan-engine.js'],
  'extension.js': ['extension-main.js'], 'extension-main.js': ['extension-engine.js'],
};

/**
 * Large libraries needed only on some paths (a config file, a fix for long SQL, the guide viewer) are
 * bundled into files of their own under dist/vendor/ and required from there when first used, so that
 * loading the extension at activation compiles only what activation runs.
 */
const VENDORED = ['yaml', 'sql-formatter', 'markdown-it', 'sql.js'];
const vendorFile = (name) => `vendor/${name}.js`;

const vendorSplit = {
  name: 'vendor-split',
  setup(build) {
    const filter = new RegExp(`^(${VENDORED.map((n) => n.replace(/[-/]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${vendorFile(args.path)}`, external: true }));
  },
};

module.exports = {
  builtinImportsAsRequire, treeSitterNodes, nodeHandleAsProperty, nodeTypeKept, builtEngineHash, builtCodeHashes,
  CODE_CACHE_LOADS, VENDORED, vendorFile, vendorSplit,
};
