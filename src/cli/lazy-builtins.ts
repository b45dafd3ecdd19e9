/**
 * Node's modules that only some runs need, loaded on first use. Each module Node loads is compiled when it is first
 * required, with the internal modules it needs (`crypto` takes about 6 ms of CPU here with `pbkdf2`, `hkdf` and the
 * rest; `v8` about 5 ms with `heap_utils` and `stream`), and every scan thread loads its own. Only a scan with a
 * cache hashes anything (a rescan of an unchanged project only checks sums, with zlib: see `cache-checksum.ts`),
 * and only a thread that sets V8 flags or measures its memory needs `v8`.
 */
let crypto: typeof import('crypto') | undefined;
let v8: typeof import('v8') | undefined;
let zlib: typeof import('zlib') | undefined;

export function nodeCrypto(): typeof import('crypto') {
  return (crypto ??= require('crypto') as typeof import('crypto'));
}

export function nodeV8(): typeof import('v8') {
  return (v8 ??= require('v8') as typeof import('v8'));
}

export function nodeZlib(): typeof import('zlib') {
  return (zlib ??= require('zlib') as typeof import('zlib'));
}
