// The bare parse (bare-parse.cjs, unchanged) on N threads of one process: the files are dealt out in turn, and this
// thread and N-1 worker threads each run the bare parse on their share, each with its own tree-sitter, as a scan on
// N cores has. What parsing alone takes there in time and memory, before anything is kept: the floor under a scan
// on N cores. Usage: node bench/bare-parse-threads.cjs FILELIST.json N
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');

const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const threads = Math.max(1, Number(process.argv[3]) || 1);
const lists = Array.from({ length: threads }, (_, t) => {
  const list = path.join(os.tmpdir(), `backend-guide-bare-${process.pid}-${t}.json`);
  fs.writeFileSync(list, JSON.stringify(files.filter((_, i) => i % threads === t)));
  return list;
});
process.on('exit', () => lists.forEach((list) => fs.rmSync(list, { force: true })));
const script = path.join(__dirname, 'bare-parse.cjs');
// the workers start without this process's `-r` preloads: the bench's measuring one reports on the whole process, once
for (const list of lists.slice(1)) new Worker(script, { argv: [list], execArgv: [] });
// this thread parses the first share, reading its list where bare-parse.cjs reads it
process.argv[2] = lists[0];
require(script);
