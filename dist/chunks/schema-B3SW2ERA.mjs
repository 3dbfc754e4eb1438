import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG
} from "./chunk-3GQSB3CG.mjs";
import "./chunk-LO7ALNL2.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-FKJSKIMT.mjs";
import "./chunk-L6YY6IB4.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG
};
