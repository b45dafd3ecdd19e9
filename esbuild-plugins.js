// esbuild plugins shared by esbuild.js and the tests that build bundles the same way.
const fs = require('fs');

/**
 * Code run from a V8 code cache through `vm.Script` (src/cli/code-cache.ts) cannot `import()` on Node 20 (it
 * needs --experimental-vm-modules); the tree-sitter runtime imports two of Node's own modules that way, inside
 * a function that declares a `require` of its own. Its `import("x")` becomes the module-level `require("x")`.
 */
const builtinImportsAsRequire = {
  name: 'builtin-imports-as-require',
  setup(build) {
    build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      const rewritten = text.replace(/\bimport\(("(?:fs\/promises|module)")\)/g, 'Promise.resolve(__moduleRequire($1))');
      if (rewritten === text) throw new Error(`${args.path}: no import() of a Node module found; check builtinImportsAsRequire`);
      return { contents: `var __moduleRequire = require;\n${rewritten}`, loader: 'js' };
    });
  },
};

module.exports = { builtinImportsAsRequire };
