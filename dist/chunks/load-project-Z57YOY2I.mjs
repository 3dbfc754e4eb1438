import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  loadProject,
  mergeDiags
} from "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  loadProject,
  mergeDiags
};
