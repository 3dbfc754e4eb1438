// A bounded memo for pure string functions that run over and over on the same inputs (ids and
// headings repeat across 10,000 stories). Bounded so a long-lived process cannot grow it
// without limit: past `limit` entries it starts again empty.
export function memoize<R>(fn: (input: string) => R, limit: number): (input: string) => R {
  const cache = new Map<string, R>();
  return (input) => {
    let value = cache.get(input);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = fn(input);
      cache.set(input, value);
    }
    return value;
  };
}
