import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG,
  NotifySchema
} from "./chunk-FO37ZNOW.mjs";
import "./chunk-Q5D365LN.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-UOPRRJVN.mjs";
import "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG,
  NotifySchema
};
