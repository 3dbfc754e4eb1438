// Which commands run database migrations: the migration tools people use, each with the
// subcommands that change a database (not those that only create, list or show migrations:
// `prisma migrate dev --create-only`, `manage.py makemigrations`, `knex migrate:make`,
// `alembic revision` stay allowed). A tool is recognised as the program itself or after a
// launcher (`npx prisma ...`, `bundle exec rake ...`, `poetry run alembic ...`,
// `docker compose exec web python manage.py migrate`), and package scripts and make targets
// whose name says migrate (`npm run db:migrate`, `make migrate`) count too.
import { posix } from "node:path";

interface Tool {
  label: string;
  /** Whether these arguments (after the tool's name) apply or undo migrations. */
  migrates(args: readonly string[]): boolean;
}

const operands = (args: readonly string[]) => args.filter((a) => !a.startsWith("-"));
const anyOf = (names: readonly string[]) => (args: readonly string[]) => operands(args).some((a) => names.includes(a));
const matching = (re: RegExp) => (args: readonly string[]) => operands(args).some((a) => re.test(a));
/** `first second` next to each other among the operands, second one of `seconds`. */
const pair = (first: string, seconds: readonly string[]) => (args: readonly string[]) => {
  const ops = operands(args);
  return ops.some((a, i) => a === first && seconds.includes(ops[i + 1] ?? ""));
};
const either = (...tests: ((args: readonly string[]) => boolean)[]) => (args: readonly string[]) => tests.some((t) => t(args));

const RAILS_TASKS = /^db:(migrate(:(up|down|redo|reset))?|rollback|reset|drop(:all)?|setup|schema:load|structure:load|prepare|purge(:all)?)$/;
const django: Tool = { label: "Django", migrates: (args) => operands(args)[0] === "migrate" };
const typeorm: Tool = { label: "TypeORM", migrates: anyOf(["migration:run", "migration:revert", "schema:sync", "schema:drop"]) };

const TOOLS: Record<string, Tool> = {
  prisma: { label: "Prisma", migrates: (args) => !args.includes("--create-only") && either(pair("migrate", ["deploy", "dev", "reset", "resolve"]), pair("db", ["push", "execute"]))(args) },
  alembic: { label: "Alembic", migrates: anyOf(["upgrade", "downgrade", "stamp"]) },
  rails: { label: "Rails", migrates: matching(RAILS_TASKS) },
  rake: { label: "Rails", migrates: matching(RAILS_TASKS) },
  knex: { label: "Knex", migrates: matching(/^migrate:(latest|up|down|rollback)$/) },
  flyway: { label: "Flyway", migrates: anyOf(["migrate", "clean", "undo", "repair", "baseline"]) },
  sequelize: { label: "Sequelize", migrates: matching(/^db:migrate(:undo(:all)?)?$/) },
  "sequelize-cli": { label: "Sequelize", migrates: matching(/^db:migrate(:undo(:all)?)?$/) },
  typeorm,
  "typeorm-ts-node-commonjs": typeorm,
  "typeorm-ts-node-esm": typeorm,
  "manage.py": django,
  "django-admin": django,
  django,
  goose: { label: "goose", migrates: anyOf(["up", "up-by-one", "up-to", "down", "down-to", "redo", "reset"]) },
  dbmate: { label: "dbmate", migrates: anyOf(["up", "migrate", "down", "rollback", "drop"]) },
  migrate: { label: "golang-migrate", migrates: anyOf(["up", "down", "goto", "force", "drop"]) },
  liquibase: { label: "Liquibase", migrates: matching(/^(update|update-count|update-to-tag|updatecount|updatetotag|rollback|rollback-count|rollback-to-date|rollbackcount|rollbacktodate|drop-all|dropall)$/i) },
  diesel: { label: "Diesel", migrates: either(pair("migration", ["run", "revert", "redo"]), pair("database", ["setup", "reset"])) },
  sqlx: { label: "SQLx", migrates: either(pair("migrate", ["run", "revert"]), pair("database", ["setup", "reset", "drop"])) },
  mix: { label: "Ecto", migrates: matching(/^ecto\.(migrate|rollback|reset|drop|setup)$/) },
  "drizzle-kit": { label: "Drizzle", migrates: matching(/^(push|migrate)(:.*)?$/) },
  "mikro-orm": { label: "MikroORM", migrates: matching(/^(migration:(up|down|fresh)|schema:(update|drop|fresh|create))$/) },
  atlas: { label: "Atlas", migrates: either(pair("migrate", ["apply"]), pair("schema", ["apply", "clean"])) },
  sqitch: { label: "Sqitch", migrates: anyOf(["deploy", "revert", "rebase", "checkout"]) },
  supabase: { label: "Supabase", migrates: either(pair("db", ["push", "reset"]), pair("migration", ["up"])) },
  artisan: { label: "Laravel", migrates: matching(/^(migrate(:(fresh|refresh|reset|rollback|install))?|db:wipe)$/) },
  hasura: { label: "Hasura", migrates: pair("migrate", ["apply"]) },
  dotnet: { label: "Entity Framework", migrates: (args) => operands(args).includes("ef") && pair("database", ["update", "drop"])(args) },
  "dotnet-ef": { label: "Entity Framework", migrates: pair("database", ["update", "drop"]) },
  mvn: { label: "Maven", migrates: matching(/^(flyway:(migrate|clean|undo|repair|baseline)|liquibase:(update|rollback|dropAll))$/) },
  gradle: { label: "Gradle", migrates: matching(/^(flyway(Migrate|Clean|Undo|Repair|Baseline)|liquibase(Update|Rollback|DropAll)|update)$/) },
};
TOOLS["mvnw"] = TOOLS["mvn"] as Tool;
TOOLS["gradlew"] = TOOLS["gradle"] as Tool;

/** Programs that run another program named among their arguments. */
export const LAUNCHERS = new Set([
  "npx", "bunx", "pnpx", "pnpm", "yarn", "npm", "bun", "node", "deno", "uv", "uvx", "poetry", "pipenv", "pdm", "pipx", "hatch", "rye",
  "python", "python3", "bundle", "ruby", "php", "docker", "docker-compose", "podman", "kubectl", "dotenv", "dotenvx", "cross-env", "nix-shell",
]);

/** Script runners whose script names say what they do: `npm run db:migrate`, `make migrate`. */
const SCRIPT_RUNNERS = new Set(["npm", "pnpm", "yarn", "bun", "make", "just", "task", "composer"]);
const MIGRATE_SCRIPT = /migrat/i;
const NOT_APPLYING = /status|make|create|generate|new|list|diff|check|lint|plan/i;

/** The index of the tool a launcher runs: the first argument that names one. */
export function launchedIndex(words: readonly string[], isTool: (name: string) => boolean): number {
  const prog = posix.basename(words[0] ?? "");
  if (isTool(prog)) return 0;
  if (!LAUNCHERS.has(prog)) return -1;
  return words.findIndex((w, i) => i > 0 && isTool(posix.basename(w)));
}

/** The migration tool this command runs to change a database (its label), or null. */
export function migrationOf(words: readonly string[]): string | null {
  const i = launchedIndex(words, (n) => Object.hasOwn(TOOLS, n));
  if (i >= 0) {
    const tool = TOOLS[posix.basename(words[i] as string)] as Tool;
    if (tool.migrates(words.slice(i + 1))) return tool.label;
  }
  const prog = posix.basename(words[0] ?? "");
  if (SCRIPT_RUNNERS.has(prog)) {
    const ops = operands(words.slice(1));
    // `npm run X`, `yarn X`, `make X Y`: the script or target names.
    const names = prog === "npm" ? (ops[0] === "run" || ops[0] === "run-script" ? ops.slice(1, 2) : []) : ops[0] === "run" ? ops.slice(1, 2) : ops;
    const script = names.find((n) => MIGRATE_SCRIPT.test(n) && !NOT_APPLYING.test(n));
    if (script !== undefined) return `the \`${script}\` script`;
  }
  return null;
}
