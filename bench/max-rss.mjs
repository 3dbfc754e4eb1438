// Preload (`node --import ./bench/max-rss.mjs ...`): prints the process's peak resident memory
// to stderr at exit, for machines without GNU time.
process.on("exit", () => {
  process.stderr.write(`\nmax-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
