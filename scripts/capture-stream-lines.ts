// Captures the stream-json lines the runner acts on (system/init, result) from the pinned Claude
// Code CLI, run offline against the scripted model server, for test/core/run/fixtures/. Three
// sessions: a developer that reports through StructuredOutput; the same session resumed (its
// total_cost_usd counts the first run too); and one capped by --max-budget-usd below what one
// turn costs (error_max_budget_usd). Run: node --import tsx scripts/capture-stream-lines.ts OUT_DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reportJsonSchema } from "../lib/core/run/worker-protocol.js";
import { makeHome, makeProject, runClaude, type StreamEvent } from "../test/e2e/harness.js";
import { startModelServer } from "../test/e2e/model-server.js";

const out = process.argv[2];
if (!out) throw new Error("usage: capture-stream-lines.ts OUT_DIR");
mkdirSync(out, { recursive: true });

const server = await startModelServer({
  policy: (turn) => {
    if (turn.results.some((r) => r.toolName === "StructuredOutput")) return { text: "Reported." };
    return { tools: [{ name: "StructuredOutput", input: { result: "DONE", summary: "greeting added" } }] };
  },
});
const keep = (events: StreamEvent[]) => events.filter((e) => (e.type === "system" && e.subtype === "init") || e.type === "result");
const save = (name: string, events: StreamEvent[]) => writeFileSync(join(out, name), keep(events).map((e) => JSON.stringify(e)).join("\n") + "\n");

try {
  const project = makeProject({ "README.md": "# demo\n" });
  const home = makeHome();
  const args = ["--agent", "story-orchestrator:general-developer", "--json-schema", reportJsonSchema("developer")];
  const first = await runClaude({ project, home, prompt: "Implement story 1.1.", serverUrl: server.url, extraArgs: args });
  save("developer-success.jsonl", first.events);
  const sessionId = String(first.events.find((e) => e.type === "result")?.["session_id"]);
  const again = await runClaude({ project, home, prompt: "Fix round: add a second line.", serverUrl: server.url, extraArgs: [...args, "--resume", sessionId] });
  save("developer-resumed.jsonl", again.events);
  const capped = await runClaude({ project, home: makeHome(), prompt: "Implement story 1.2.", serverUrl: server.url, extraArgs: [...args, "--max-budget-usd", "0.0001"] });
  save("developer-max-budget.jsonl", capped.events);
  console.log(`${first.exitCode} ${again.exitCode} ${capped.exitCode} ${capped.stderr.slice(0, 300)}`);
} finally {
  await server.close();
}
