import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/stories/ccpm.ts
var CCPM_TASK_RE = /(?:^|\/)\.claude\/epics\/(archived\/)?([^/]+)\/[^/]+$/;
function ccpmEpicFolder(path) {
  const m = CCPM_TASK_RE.exec(path);
  if (!m || m[1] === void 0 && m[2] === "archived") return void 0;
  return { epic: m[2], dir: path.slice(0, path.lastIndexOf("/")), archived: m[1] !== void 0 };
}
function isGithubMapping(path) {
  return /(?:^|\/)github[-_]mapping\.md$/i.test(path) && ccpmEpicFolder(path) !== void 0;
}
var TASK_LINE_RE = /^\s*[-*]\s+#(\d+)\s*[:\-–—]/;
var LOCAL_FILE_RE = /^\s*[-*]\s+Local file:\s*`?(\d+)\.md`?/i;
function readCcpmMapping(scan) {
  const explicit = [];
  const issues = [];
  let current = null;
  for (let i = 0; i < scan.count; i++) {
    if (scan.fenced[i]) continue;
    const line = scan.line(i);
    const task = TASK_LINE_RE.exec(line);
    if (task && !/^\s/.test(line)) {
      current = task[1];
      issues.push(current);
      continue;
    }
    const local = LOCAL_FILE_RE.exec(line);
    if (local && current !== null) explicit.push([local[1], current]);
  }
  return { explicit, issues };
}

export {
  ccpmEpicFolder,
  isGithubMapping,
  readCcpmMapping
};
