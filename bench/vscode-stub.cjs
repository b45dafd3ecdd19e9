// A stand-in `vscode` module for timing activation outside VS Code: every property is a callable,
// iterable, disposable no-op, so activate() runs its real wiring against it.
const Module = require('module');

function stub(name) {
  const fn = function () { return stub(`${name}()`); };
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'then') return undefined; // not a promise
      if (prop === 'fsPath' || prop === 'path') return '/tmp/backend-guide-stub';
      if (prop === 'length') return 0;
      if (prop === 'event') return () => ({ dispose() {} });
      if (prop === 'dispose') return () => undefined;
      return stub(`${name}.${String(prop)}`);
    },
    construct() { return stub(`new ${name}`); },
  });
}

/** Top-level names of the real API, so bundlers' namespace copies (`__toESM`) see them as own properties. */
function apiNames() {
  const fs = require('fs');
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\s{1,4}export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]))];
}

function rootStub() {
  const names = apiNames();
  const members = new Map(names.map((n) => [n, stub(`vscode.${n}`)]));
  return new Proxy({}, {
    get: (_target, prop) => members.get(prop) ?? (typeof prop === 'string' ? stub(`vscode.${prop}`) : undefined),
    ownKeys: () => names,
    getOwnPropertyDescriptor: (_target, prop) => (members.has(prop) ? { value: members.get(prop), enumerable: true, configurable: true, writable: false } : undefined),
  });
}

const vscode = rootStub();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

module.exports = { vscode, stub };
