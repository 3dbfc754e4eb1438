// Ids and names must never make a path outside the repository (DESIGN.md). Every containment
// check (story folders, worktrees, hook write guards) asks this one question of a relative path.

/**
 * Whether `rel`, as returned by `path.relative(dir, p)`, keeps `p` inside `dir` ("" is `dir`
 * itself). A name that only begins with dots (`..notes`) is inside; `..`, `../x` and an
 * absolute path (another drive on Windows) are not.
 */
export function relativeStaysInside(rel: string): boolean {
  return !(rel === ".." || /^\.\.[\\/]/.test(rel) || /^[\\/]/.test(rel) || /^[A-Za-z]:/.test(rel));
}
