import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/cli/check-options.ts
function usage(message, line) {
  return { exitCode: 2, json: { errors: [{ code: "usage", message }] }, human: `story-orchestrator ${message}
Usage: story-orchestrator ${line}
` };
}
function rejectUnknownOptions(verb, args, allowed, line) {
  const unknown = Object.keys(args.options).filter((o) => !allowed.includes(o)).sort();
  if (unknown.length === 0) return null;
  return usage(`${verb}: unknown option ${unknown.map((o) => `--${o}`).join(", ")}`, line);
}

export {
  usage,
  rejectUnknownOptions
};
