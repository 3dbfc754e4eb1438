import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG
} from "./chunk-7OLONDIK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG
};
