import { defineConfig } from "vitest/config";

// The JSON report is what .ci/run counts "N passed, N failed" from: the runner's own figures.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/yield-between-tests.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".test-report/vitest.json" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time even on a 2-core machine (vitest's default there is one): most
    // of a test's time is spent waiting on the processes it starts (git, the CLI, Claude Code).
    maxWorkers: 2,
  },
});
