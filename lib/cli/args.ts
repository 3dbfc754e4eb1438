// Command-line parsing for `story-orchestrator <verb> [args] [--json] [--cwd DIR]`.
// Bad usage is exit 2 (DESIGN.md command-line contract).

export interface ParsedArgs {
  verb: string | undefined;
  positionals: string[];
  options: Record<string, string | true>;
  json: boolean;
  cwd: string | undefined;
}

/** Options that take a value; every other `--name` is a flag. */
const VALUED = new Set(["cwd", "verdict", "findings", "reviewer", "reason", "tokens", "cost", "duration-ms", "scope"]);

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options[name] = value;
      } else {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        options[name] = true;
      }
    } else {
      positionals.push(a);
    }
  }
  const [verb, ...rest] = positionals;
  const cwd = options["cwd"];
  delete options["cwd"];
  const json = options["json"] === true;
  delete options["json"];
  return { verb, positionals: rest, options, json, cwd: typeof cwd === "string" ? cwd : undefined };
}
