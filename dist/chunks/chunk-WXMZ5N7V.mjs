import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/config/vocabulary.ts
var AGENT_NAME_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
var SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

export {
  AGENT_NAME_RE,
  SEVERITIES
};
