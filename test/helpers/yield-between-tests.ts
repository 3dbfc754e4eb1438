// Lets the test process's event loop turn after every test. vitest runs the tests of a file one
// after another without leaving the microtask queue, so a file of synchronous tests (spawnSync of
// git and the CLI, as most engine tests do) never reads its runner's replies for as long as the
// file runs; past 60 s the worker reports "Timeout calling onTaskUpdate" as an unhandled error
// and the run fails although every test passed. One setImmediate per test is enough: the replies
// are read in the poll phase before it.
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
