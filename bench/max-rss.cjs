// Preloaded with `node -r` into a measured process: prints its peak resident memory and CPU time (all threads) on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${usage.maxRSS}\nBENCH_CPU_MS=${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
