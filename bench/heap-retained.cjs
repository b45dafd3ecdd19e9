// What each field of a kind of object holds in a V8 heap snapshot (from BACKEND_GUIDE_HEAP_SNAPSHOTS): for
// every object that has all the `--kind` property names (e.g. a FileFacts: textHash,callSites), and for each
// of its property names, the bytes that become unreachable from the roots when that property is cut on all
// of them at once (its retained size). Shared things count for no single field, so the sum can be less than
// the whole. Usage: node --max-old-space-size=6000 bench/heap-retained.cjs FILE --kind textHash,callSites [--kind ...]
const fs = require('fs');

const file = process.argv[2];
const kinds = [];
for (let i = 3; i < process.argv.length; i += 1) if (process.argv[i] === '--kind') kinds.push(process.argv[++i].split(','));
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
const meta = snapshot.snapshot.meta;
const stride = meta.node_fields.length;
const edgeStride = meta.edge_fields.length;
const at = (name) => meta.node_fields.indexOf(name);
const [typeAt, nameAt, sizeAt, edgeCountAt] = [at('type'), at('name'), at('self_size'), at('edge_count')];
const edgeTypeAt = meta.edge_fields.indexOf('type');
const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
const edgeToAt = meta.edge_fields.indexOf('to_node');
const edgeTypes = meta.edge_types[edgeTypeAt];
const WEAK = edgeTypes.indexOf('weak');
const PROPERTY = edgeTypes.indexOf('property');
const { nodes, edges, strings } = snapshot;
const count = nodes.length / stride;
const firstEdge = new Uint32Array(count + 1);
for (let n = 0, e = 0; n < count; n += 1) {
  firstEdge[n] = e;
  e += nodes[n * stride + edgeCountAt] * edgeStride;
  firstEdge[n + 1] = e;
}

/** Bytes reachable from the root (node 0) when `cut(node, edgeIndex)` says an edge is not followed. */
function reachable(cut) {
  const seen = new Uint8Array(count);
  const stack = [0];
  seen[0] = 1;
  let bytes = 0;
  while (stack.length) {
    const n = stack.pop();
    bytes += nodes[n * stride + sizeAt];
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeStride) {
      if (edges[e + edgeTypeAt] === WEAK || (cut && cut(n, e))) continue;
      const to = edges[e + edgeToAt] / stride;
      if (!seen[to]) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  }
  return bytes;
}

const propertyName = (e) => (edges[e + edgeTypeAt] === PROPERTY ? strings[edges[e + edgeNameAt]] : undefined);
const mb = (b) => (b / 1e6).toFixed(1);
const whole = reachable();
console.log(`${file}: ${mb(whole)} MB reachable`);
for (const kind of kinds) {
  const members = new Uint8Array(count);
  const fields = new Set();
  let found = 0;
  for (let n = 0; n < count; n += 1) {
    const names = new Set();
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeStride) {
      const name = propertyName(e);
      if (name !== undefined) names.add(name);
    }
    if (kind.every((k) => names.has(k))) {
      members[n] = 1;
      found += 1;
      names.forEach((name) => fields.add(name));
    }
  }
  const all = whole - reachable((n) => members[n] === 1);
  console.log(`\n${found} objects with ${kind.join(', ')}: ${mb(all)} MB retained by their properties`);
  const rows = [...fields].map((field) => [field, whole - reachable((n, e) => members[n] === 1 && propertyName(e) === field)]);
  for (const [field, bytes] of rows.sort((a, b) => b[1] - a[1]).filter(([, b]) => b > 50_000)) console.log(`${mb(bytes).padStart(8)} MB  ${field}`);
}

// `--map NAME`: what each entry of the Maps a closure holds in a variable NAME retains (e.g. the project's memos).
for (let i = 3; i < process.argv.length; i += 1) {
  if (process.argv[i] !== '--map') continue;
  const variable = process.argv[++i];
  const CONTEXT = edgeTypes.indexOf('context');
  const typeNames = meta.node_types[typeAt];
  const nodeName = (n) => strings[nodes[n * stride + nameAt]];
  for (let n = 0; n < count; n += 1) {
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeStride) {
      if (edges[e + edgeTypeAt] !== CONTEXT || strings[edges[e + edgeNameAt]] !== variable) continue;
      const map = edges[e + edgeToAt] / stride;
      console.log(`\nMap ${variable} (${nodeName(map)}): ${mb(whole - reachable((m, x) => m === n && x === e))} MB retained`);
      // the map's table: its elements alternate key, value (and a chain index, a number, not an edge)
      const table = [];
      for (let t = firstEdge[map]; t < firstEdge[map + 1]; t += edgeStride) table.push(edges[t + edgeToAt] / stride);
      const tableNode = table.find((t) => typeNames[nodes[t * stride + typeAt]] === 'array') ?? table[0];
      let key;
      const rows = [];
      for (let t = firstEdge[tableNode]; t < firstEdge[tableNode + 1]; t += edgeStride) {
        const to = edges[t + edgeToAt] / stride;
        if (/string/.test(typeNames[nodes[to * stride + typeAt]]) && key === undefined) {
          key = nodeName(to);
          continue;
        }
        if (key !== undefined) rows.push([key, whole - reachable((m, x) => m === tableNode && x === t)]);
        key = undefined;
      }
      for (const [k, bytes] of rows.sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${mb(bytes).padStart(8)} MB  ${k.slice(0, 70)}`);
    }
  }
}
