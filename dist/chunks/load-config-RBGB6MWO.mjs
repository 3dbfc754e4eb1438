import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  MAX_CONFIG_BYTES,
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  MAX_CONFIG_BYTES,
  loadConfig
};
