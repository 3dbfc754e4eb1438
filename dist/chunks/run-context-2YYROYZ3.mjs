import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  agentOf,
  dependenciesOf,
  displayId,
  engineStatus,
  findStory,
  loadRunContext,
  refreshStates,
  runScope,
  schedulable,
  sortIds,
  statusMap,
  statusOf,
  withStory
} from "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
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
  agentOf,
  dependenciesOf,
  displayId,
  engineStatus,
  findStory,
  loadRunContext,
  refreshStates,
  runScope,
  schedulable,
  sortIds,
  statusMap,
  statusOf,
  withStory
};
