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
} from "./chunk-XXTQPIYG.mjs";
import "./chunk-C6BGNZL6.mjs";
import "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-DWBK4E5D.mjs";
import "./chunk-GEKUT4RT.mjs";
import "./chunk-PMI7Y2VK.mjs";
import "./chunk-T5LJ6LQC.mjs";
import "./chunk-FKJSKIMT.mjs";
import "./chunk-SDYTFI6O.mjs";
import "./chunk-L6YY6IB4.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-IWUPKGEU.mjs";
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
