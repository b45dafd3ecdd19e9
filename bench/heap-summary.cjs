// Summarises a V8 heap snapshot (from BACKEND_GUIDE_HEAP_SNAPSHOTS): self size and count by
// node type and constructor name, largest first. Usage: node --max-old-space-size=6000 bench/heap-summary.cjs FILE [TOP]
const fs = require('fs');

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
const meta = snapshot.snapshot.meta;
const fields = meta.node_fields;
const stride = fields.length;
const typeAt = fields.indexOf('type');
const nameAt = fields.indexOf('name');
const sizeAt = fields.indexOf('self_size');
const types = meta.node_types[typeAt];
const { nodes, strings } = snapshot;
const groups = new Map();
let total = 0;
for (let i = 0; i < nodes.length; i += stride) {
  const type = types[nodes[i + typeAt]];
  const name = type === 'object' || type === 'native' || type === 'closure' ? strings[nodes[i + nameAt]] : '';
  const key = `${type}${name ? ` ${name}` : ''}`;
  const size = nodes[i + sizeAt];
  total += size;
  const group = groups.get(key) ?? { count: 0, bytes: 0 };
  group.count += 1;
  group.bytes += size;
  groups.set(key, group);
}
const mb = (b) => (b / 1e6).toFixed(1);
console.log(`${file}: ${mb(total)} MB in ${nodes.length / stride} nodes`);
for (const [key, { count, bytes }] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
  console.log(`${mb(bytes).padStart(8)} MB ${String(count).padStart(9)}  ${key.slice(0, 80)}`);
}
