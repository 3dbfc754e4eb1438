// A deterministic PRNG (mulberry32): generated cases and benchmark projects are the same on
// every run.
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` strings of up to `maxParts` random picks from `parts` each: inputs for comparing two readers. */
export function randomLines(seed: number, parts: readonly string[], count: number, maxParts: number): string[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, () => {
    let s = "";
    const n = Math.floor(rnd() * (maxParts + 1));
    for (let i = 0; i < n; i++) s += parts[Math.floor(rnd() * parts.length)]!;
    return s;
  });
}
