// A small, deliberately conservative reading of a Bash command line: enough to tell which
// programs run, in which directory, with which words and redirection targets. It is not a
// shell: anything it cannot follow (substitutions, eval) is reported as `opaque` so gates can
// fail closed on it where that matters.
import { posix } from "node:path";
import { relativeStaysInside } from "../path-safety.js";

export interface SimpleCommand {
  /** Words after variable-assignment prefixes, quotes removed. */
  words: string[];
  /** Targets of `>`, `>>`, `&>`, `2>` redirections (not `>&2`, not /dev/null). */
  redirects: string[];
  /** Directory the command runs in, after `cd` segments before it (absolute). */
  dir: string;
}

export interface ParsedCommand {
  commands: SimpleCommand[];
  /** Contains `$(`, backticks, `eval` or `source`: the words are not the whole story. */
  opaque: boolean;
}

const SEPARATORS = new Set([";", "&&", "||", "|", "&", "\n", "(", ")", "{", "}"]);

/** Splits into tokens, keeping separators and redirection operators as their own tokens. */
function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  const push = () => {
    if (has) out.push(cur);
    cur = "";
    has = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, end < 0 ? line.length : end);
      has = true;
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') {
        if (line[j] === "\\" && j + 1 < line.length) j++;
        cur += line[j];
        j++;
      }
      has = true;
      i = j;
    } else if (c === "\\" && i + 1 < line.length) {
      if (line[i + 1] !== "\n") cur += line[i + 1];
      has = true;
      i++;
    } else if (c === " " || c === "\t") {
      push();
    } else if (c === "#" && !has) {
      const nl = line.indexOf("\n", i);
      i = nl < 0 ? line.length : nl - 1;
    } else if (c === "\n" || c === ";" || c === "(" || c === ")" || c === "{" || c === "}") {
      push();
      out.push(c);
    } else if (c === "&" || c === "|") {
      push();
      if (line[i + 1] === c) {
        out.push(c + c);
        i++;
      } else if (c === "&" && line[i + 1] === ">") {
        out.push(line[i + 2] === ">" ? "&>>" : "&>");
        i += line[i + 2] === ">" ? 2 : 1;
      } else out.push(c);
    } else if (c === ">" || c === "<") {
      // `2>`, `1>>`: a digit just before belongs to the operator.
      let op = c;
      if (has && /^\d$/.test(cur)) {
        op = cur + c;
        cur = "";
        has = false;
      } else push();
      if (line[i + 1] === ">" && c === ">") {
        op += ">";
        i++;
      }
      if (line[i + 1] === "&") {
        op += "&";
        i++;
      }
      out.push(op);
    } else {
      cur += c;
      has = true;
    }
  }
  push();
  return out;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export function parseCommand(line: string, cwd: string): ParsedCommand {
  const opaque = /\$\(|`|(^|[\s;&|(])(eval|source)\s|(^|[;&|(]\s*)\.\s/.test(line);
  const tokens = tokenize(line);
  const commands: SimpleCommand[] = [];
  let dir = cwd;
  let words: string[] = [];
  let redirects: string[] = [];
  const flush = () => {
    while (words.length > 0 && ASSIGNMENT.test(words[0] as string)) words.shift();
    if (words.length > 0 || redirects.length > 0) {
      commands.push({ words, redirects, dir });
      if (words[0] === "cd") dir = words[1] === undefined || words[1] === "~" ? dir : posix.resolve(dir, words[1]);
      else if (words[0] === "pushd" && words[1]) dir = posix.resolve(dir, words[1]);
    }
    words = [];
    redirects = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (SEPARATORS.has(t)) {
      flush();
    } else if (/^\d?>>?&?$|^&>>?$/.test(t)) {
      const target = tokens[i + 1];
      i++;
      if (target === undefined) continue;
      if (t.endsWith("&") || target === "/dev/null" || target === "/dev/stderr" || target === "/dev/stdout") continue;
      redirects.push(posix.resolve(dir, target));
    } else if (/^\d?<&?$/.test(t)) {
      i++;
    } else {
      words.push(t);
    }
  }
  flush();
  return { commands, opaque };
}

/** The program's base name (`/usr/bin/git` → `git`), skipping `sudo`, `env`, `command`, `time`. */
export function programOf(words: readonly string[]): { name: string; args: string[] } {
  let i = 0;
  while (i < words.length && ["sudo", "env", "command", "time", "nice", "nohup", "exec"].includes(words[i] as string)) i++;
  const name = posix.basename(words[i] ?? "");
  return { name, args: words.slice(i + 1) };
}

/** `git [-C dir] [-c k=v] SUBCOMMAND args`: the subcommand, its args and the directory. */
export function gitInvocation(cmd: SimpleCommand): { sub: string; args: string[]; dir: string } | null {
  const { name, args } = programOf(cmd.words);
  if (name !== "git") return null;
  let dir = cmd.dir;
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith("-")) {
    const a = args[i] as string;
    if (a === "-C" && args[i + 1] !== undefined) {
      dir = posix.resolve(dir, args[i + 1] as string);
      i += 2;
    } else if ((a === "-c" || a === "--git-dir" || a === "--work-tree") && args[i + 1] !== undefined) {
      if (a === "--work-tree") dir = posix.resolve(dir, args[i + 1] as string);
      i += 2;
    } else i++;
  }
  return { sub: args[i] ?? "", args: args.slice(i + 1), dir };
}

/** Whether `p` is `dir` or inside it (both absolute, normalised). */
export function isInside(p: string, dir: string): boolean {
  return relativeStaysInside(posix.relative(dir, p));
}
