// Preloaded with `node -r` into a measured process: prints its peak resident memory, CPU time (all threads) and minor
// page faults (each a page of memory touched for the first time) on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${usage.maxRSS}\nBENCH_CPU_MS=${(usage.userCPUTime + usage.systemCPUTime) / 1000}\nBENCH_PAGE_FAULTS=${usage.minorPageFault}\n`);
});
