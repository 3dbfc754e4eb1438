import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG,
  DeniedCommandSchema,
  NotifySchema,
  SafetySchema
} from "./chunk-HTIKKIIA.mjs";
import "./chunk-PZKJ7VLJ.mjs";
import "./chunk-OLZJQYTV.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG,
  DeniedCommandSchema,
  NotifySchema,
  SafetySchema
};
