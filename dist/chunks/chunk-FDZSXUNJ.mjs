import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/adapters/failpoint.ts
var FAILPOINT_ENV = "STORY_ORCHESTRATOR_FAILPOINT";
function failpoint(name) {
  if (process.env[FAILPOINT_ENV] === name) process.kill(process.pid, "SIGKILL");
}

export {
  failpoint
};
