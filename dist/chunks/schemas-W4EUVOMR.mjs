import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  FindingSchema,
  HistoryEntrySchema,
  JournalEventSchema,
  MergeRecordSchema,
  OrchestrationStateSchema,
  ReviewSchema,
  STATE_VERSION,
  StoryStateSchema,
  VERDICTS,
  emptyOrchestrationState,
  newStoryState
} from "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-EGEKWWZA.mjs";
export {
  FindingSchema,
  HistoryEntrySchema,
  JournalEventSchema,
  MergeRecordSchema,
  OrchestrationStateSchema,
  ReviewSchema,
  STATE_VERSION,
  StoryStateSchema,
  VERDICTS,
  emptyOrchestrationState,
  newStoryState
};
