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
} from "./chunk-H5OTZZAZ.mjs";
import "./chunk-52XZTRI5.mjs";
import "./chunk-WSJQQX3P.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-2GREUEF7.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-MEFPITG5.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-AKFK7DIY.mjs";
import "./chunk-TYETHNOL.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-ZMEMLB4V.mjs";
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
