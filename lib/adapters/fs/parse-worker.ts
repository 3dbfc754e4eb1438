// dist/parse-worker.mjs: reads and parses one share of the story files on its own thread and
// posts the results back (lib/adapters/fs/parse-files.ts starts it).
import { parentPort, workerData } from "node:worker_threads";
import { readAndParse, toWire, type WorkerRequest } from "./parse-files.js";

const request = workerData as WorkerRequest;
parentPort?.postMessage(request.tasks.map((t) => toWire(readAndParse(() => request.realRoot, t))));
