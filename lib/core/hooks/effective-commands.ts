// The commands a Bash line really runs, for the safety rules: shell-words' simple commands, with
// the scripts handed to a shell (`sh -c '...'`, `bash -lc "..."`, `eval ...`, `bash <<EOF`) read
// as commands too, and wrappers that only change how a command runs (`sudo -u x`, `env -i`,
// `timeout 10`, `xargs -0`, `nice -n 5`) taken off the front. Here-document bodies fed to any
// other program are text, not commands (`cat > notes.md <<EOF ... git push ... EOF`).
// Deliberately simple: it guards against an agent's mistakes, not against an adversary who
// spells `git` through a variable.
import { posix } from "node:path";
import { parseCommand } from "./shell-words.js";

export interface EffectiveCommand {
  /** The command's words with wrappers removed: words[0] is the program as written. */
  words: string[];
  /** Directory it runs in (absolute), after the `cd`s before it. */
  dir: string;
}

const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ksh", "ash", "fish"]);

/** Wrappers: the options of each that take a separate value, and fixed operands before the command. */
const WRAPPERS: Record<string, { valueOptions?: readonly string[]; operands?: number }> = {
  sudo: { valueOptions: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group"] },
  doas: { valueOptions: ["-u", "-C"] },
  env: { valueOptions: ["-u", "-C", "--unset", "--chdir"] },
  command: {},
  builtin: {},
  exec: { valueOptions: ["-a"] },
  time: { valueOptions: ["-f", "-o"] },
  nohup: {},
  nice: { valueOptions: ["-n"] },
  ionice: { valueOptions: ["-c", "-n", "-p"] },
  timeout: { valueOptions: ["-s", "-k", "--signal", "--kill-after"], operands: 1 },
  stdbuf: { valueOptions: ["-i", "-o", "-e"] },
  xargs: { valueOptions: ["-I", "-i", "-n", "-P", "-L", "-l", "-d", "-E", "-e", "-s", "-a", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--replace", "--eof", "--max-chars"] },
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `words` without leading assignments and wrappers (each with its options). */
export function unwrap(words: readonly string[]): string[] {
  let w = [...words];
  for (let guard = 0; guard < 10; guard++) {
    while (w.length > 0 && ASSIGNMENT.test(w[0] as string)) w = w.slice(1);
    const spec = WRAPPERS[posix.basename(w[0] ?? "")];
    if (!spec) break;
    let i = 1;
    while (i < w.length) {
      const a = w[i] as string;
      if (a === "--") {
        i++;
        break;
      }
      if (!a.startsWith("-") || a === "-") break;
      i += spec.valueOptions?.includes(a) ? 2 : 1;
    }
    w = w.slice(Math.min(w.length, i + (spec.operands ?? 0)));
  }
  return w;
}

const HEREDOC = /(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_-]*)\2/g;

/**
 * Here-document bodies removed, except where a shell reads them as its script (`bash <<EOF`):
 * a body written to a file is text, and reading it as commands would deny documentation that
 * mentions `git push`.
 */
export function withoutHeredocText(line: string): string {
  if (!line.includes("<<")) return line;
  const out: string[] = [];
  const pending: { delim: string; dash: boolean; keep: boolean }[] = [];
  for (const l of line.split("\n")) {
    const open = pending[0];
    if (open) {
      const end = (open.dash ? l.replace(/^\t+/, "") : l) === open.delim;
      if (end) pending.shift();
      if (open.keep) out.push(end ? "" : l);
      continue;
    }
    out.push(l);
    for (const m of l.matchAll(HEREDOC)) {
      // The program that reads this here-document: the last command word before `<<`.
      const before = l.slice(0, m.index).split(/[;&|()]/).at(-1) ?? "";
      const prog = posix.basename(unwrap(before.trim().split(/\s+/))[0] ?? "");
      pending.push({ delim: m[3] as string, dash: m[1] === "-", keep: SHELLS.has(prog) });
    }
  }
  return out.join("\n");
}

/** The script of `sh -c SCRIPT` (options may be combined: `-lc`, `-ec`), or null. */
function shellScript(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith("-") || a === "--") return null;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) return args[i + 1] ?? null;
    if (a === "-o" || a === "+o") i++;
  }
  return null;
}

/** The scripts of `$(...)` and backquote substitutions (innermost parentheses only: enough to see a command). */
function substitutions(text: string): string[] {
  if (!text.includes("$(") && !text.includes("`")) return [];
  return [...text.matchAll(/\$\(([^()]*)\)|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? "").filter((s) => s.trim() !== "");
}

/** Every command `line` runs, in order, nested shell scripts included (up to a few levels). */
export function effectiveCommands(line: string, cwd: string, depth = 0): EffectiveCommand[] {
  const text = withoutHeredocText(line);
  const out: EffectiveCommand[] = [];
  // A substitution runs its content, also inside double quotes (`echo "$(git push)"`), where
  // the words below keep it as text: read each one as a script of its own.
  if (depth < 4) for (const inner of substitutions(text)) out.push(...effectiveCommands(inner, cwd, depth + 1));
  const parsed = parseCommand(text.replaceAll("`", " "), cwd);
  for (const cmd of parsed.commands) {
    const words = unwrap(cmd.words);
    if (words.length === 0) continue;
    const prog = posix.basename(words[0] as string);
    const script = SHELLS.has(prog) ? shellScript(words.slice(1)) : prog === "eval" ? words.slice(1).join(" ") : null;
    if (script !== null && depth < 4) out.push(...effectiveCommands(script, cmd.dir, depth + 1));
    else out.push({ words, dir: cmd.dir });
  }
  return out;
}
