// Preload (`node --import ./bench/resource-usage.mjs ...`): at exit, writes this process's own
// CPU time and peak resident memory (process.resourceUsage(), RUSAGE_SELF: children excluded)
// as JSON to the file named by BENCH_RESOURCE_FILE. The variable is removed at start, so the
// processes this one starts (which inherit its environment) never see it.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RESOURCE_FILE;
delete process.env.BENCH_RESOURCE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKb: u.maxRSS }));
  });
}
