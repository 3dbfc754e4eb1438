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
} from "./chunk-EKSBQ6D5.mjs";
import "./chunk-2HGG6YZE.mjs";
import "./chunk-MRUBXR3Z.mjs";
import "./chunk-MGYK2Q2U.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-2GREUEF7.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-42DD3JOM.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-JXYS6OYD.mjs";
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
import "./chunk-43TV4QD6.mjs";
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
