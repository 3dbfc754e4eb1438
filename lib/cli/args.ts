// Command-line parsing for `story-orchestrator <verb> [args] [--json] [--cwd DIR]`.
// Bad usage is exit 2 (DESIGN.md command-line contract).

export interface ParsedArgs {
  verb: string | undefined;
  positionals: string[];
  options: Record<string, string | true>;
  json: boolean;
  cwd: string | undefined;
  /** Every `--scope` value, in order (each one whole: `epic:User Auth` keeps its space). */
  scopes: string[];
}

/** Options that take a value; every other `--name` is a flag. */
const VALUED = new Set(["cwd", "verdict", "findings", "reviewer", "reason", "tokens", "cost", "duration-ms", "scope", "role", "budget", "claude", "port"]);

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const scopes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      options["help"] = true;
      continue;
    }
    // No verb, id or scope starts with "-": a short option we do not have is a typo, not a scope.
    if (/^-[^-]/.test(a)) throw new UsageError(`unknown option ${a} (options are long: --help, --json, --cwd DIR, ...)`);
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        // `--scope --json`: the next option is not this one's value (`--scope=--x` still is).
        if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
        // Scopes add up (`--scope 1.1 --scope epic:auth`); any other option given twice is ambiguous.
        if (name === "scope") scopes.push(value);
        else if (name in options) throw new UsageError(`--${name} is given twice`);
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
  return { verb, positionals: rest, options, json, cwd: typeof cwd === "string" ? cwd : undefined, scopes };
}
