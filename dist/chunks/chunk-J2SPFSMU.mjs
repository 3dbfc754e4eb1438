import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/state/fix-round.ts
function changesRequestedHead(state) {
  if (state.status === "Changes Requested") return state.headSha;
  if (state.status !== "In Progress") return null;
  const last = state.history[state.history.length - 1];
  return last?.event === "rework" ? state.headSha : null;
}

export {
  changesRequestedHead
};
