import { defineConfig } from "vitest/config";

// The JSON report is what .ci/run counts "N passed, N failed" from: the runner's own figures.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".test-report/vitest.json" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
