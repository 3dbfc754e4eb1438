import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/diagnostics.ts
var ok = (value) => ({ ok: true, value });
var err = (error) => ({ ok: false, error });
var diagMessages = (ds) => ds.map((d) => d.message).join("; ");
function diag(code, message, file, line) {
  const d = { code, message };
  if (file !== void 0) d.file = file;
  if (line !== void 0) d.line = line;
  return d;
}
function sortDiags(diags) {
  return [...diags].sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)
  );
}
function internalError(message) {
  throw new Error(`Internal error: ${message}`);
}

export {
  ok,
  err,
  diagMessages,
  diag,
  sortDiags,
  internalError
};
