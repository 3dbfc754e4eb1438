import { describe, expect, it } from "vitest";
import { chooseIntegrationBranch } from "../../lib/core/integration-branch.js";

describe("chooseIntegrationBranch", () => {
  const current = (b: string | null) => async () => b;

  it("config, then the recorded branch, then the checkout", async () => {
    expect(await chooseIntegrationBranch({ configured: "dev", recorded: "main", current: current("x") })).toEqual({ ok: true, value: "dev" });
    expect(await chooseIntegrationBranch({ configured: undefined, recorded: "main", current: current("x") })).toEqual({ ok: true, value: "main" });
    expect(await chooseIntegrationBranch({ configured: undefined, recorded: null, current: current("trunk") })).toEqual({ ok: true, value: "trunk" });
  });

  it("refuses a story branch from any source, pointing at the file to fix", async () => {
    const checkout = await chooseIntegrationBranch({ configured: undefined, recorded: null, current: current("story/0.1") });
    expect(!checkout.ok && checkout.error[0]).toMatchObject({ code: "invalid-integration-branch", message: expect.stringContaining("the main checkout is on story/0.1, a story branch") });
    const recorded = await chooseIntegrationBranch({ configured: undefined, recorded: "story/0.1", current: current("main") });
    expect(!recorded.ok && recorded.error[0]).toMatchObject({ file: ".agent-orchestration/orchestration-state.json" });
    const configured = await chooseIntegrationBranch({ configured: "story/x", recorded: null, current: current("main") });
    expect(!configured.ok && configured.error[0]).toMatchObject({ file: ".agent-orchestration/config.yaml", message: expect.stringContaining("baseBranch is story/x") });
  });
});
