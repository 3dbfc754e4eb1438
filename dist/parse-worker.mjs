import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  readAndParse,
  toWire
} from "./chunks/chunk-Q2C3YXUZ.mjs";
import "./chunks/chunk-NFATYNPN.mjs";
import "./chunks/chunk-HFBBZ43P.mjs";
import "./chunks/chunk-43TV4QD6.mjs";
import "./chunks/chunk-EGEKWWZA.mjs";

// lib/adapters/fs/parse-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var request = workerData;
parentPort?.postMessage(request.tasks.map((t) => toWire(readAndParse(() => request.realRoot, t))));
