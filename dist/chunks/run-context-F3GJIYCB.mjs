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
} from "./chunk-4EJCAKH4.mjs";
import "./chunk-NASKEFO5.mjs";
import "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-BFHZ5ENQ.mjs";
import "./chunk-GEKUT4RT.mjs";
import "./chunk-2JM6FW5P.mjs";
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
