// Preloaded with `node -r` into a measured process (Linux only): on exit prints the process's CPU time split by
// thread, from /proc: `main` (the main thread), `node` (V8's background threads: optimising compilers, including
// the TurboFan tier-up of the tree-sitter WASM, and concurrent GC) and `other` (threads gone by then: scan workers,
// which are ended without an exit event, so their CPU is what is left of the process total).
// Usage: node -r ./bench/thread-cpu.cjs dist/cli.js lint DIR --jobs 2
const fs = require('fs');
const { isMainThread } = require('worker_threads');

function cpuMsOf(statFile) {
  const stat = fs.readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ms: (Number(fields[11]) + Number(fields[12])) * 10 };
}

if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const total = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    const byName = new Map();
    try {
      for (const tid of fs.readdirSync('/proc/self/task')) {
        const { name, ms } = cpuMsOf(`/proc/self/task/${tid}/stat`);
        const key = Number(tid) === process.pid ? 'main' : name.replace(/\s+/g, '_');
        byName.set(key, (byName.get(key) ?? 0) + ms);
      }
    } catch {
      return; // no /proc: nothing to split
    }
    const listed = [...byName.values()].reduce((sum, ms) => sum + ms, 0);
    const parts = [...byName].map(([name, ms]) => `${name}=${ms}`).join(' ');
    process.stderr.write(`\nBENCH_THREAD_CPU_MS total=${Math.round(total)} ${parts} other=${Math.max(0, Math.round(total - listed))}\n`);
  });
}
