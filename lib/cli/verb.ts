// The shape every verb has: data in, an outcome out. main.ts does all the printing.
import type { ParsedArgs } from "./args.js";

export interface VerbContext {
  /** Absolute project root, found from --cwd or the current directory (lib/core/project-root.ts). */
  root: string;
  args: ParsedArgs;
  /** Whether stdout is a terminal (colour and emoji decisions). */
  tty: boolean;
  /** Standard input, for `hook`. */
  readStdin: () => Promise<string>;
}

export interface VerbOutcome {
  /** 0 success, 1 refused or invalid input, 2 bad usage. */
  exitCode: 0 | 1 | 2;
  /** Printed (compact) with --json. */
  json: unknown;
  /** Printed without --json. */
  human: string;
}

export type Verb = (ctx: VerbContext) => Promise<VerbOutcome>;
