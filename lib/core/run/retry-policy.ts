// When a stopped or crashed worker is launched again (config maxAttempts, retryBackoffSeconds).
// Pure: attempts so far in, a decision out.

export type RetryDecision = { retry: true; afterMs: number } | { retry: false; reason: string };

/** `attempts`: launches so far that ended without a usable report (the one that just ended included). */
export function retryDecision(attempts: number, maxAttempts: number, backoffSeconds: number, why: string): RetryDecision {
  if (attempts >= maxAttempts) return { retry: false, reason: `${why}; gave up after ${attempts} attempt${attempts === 1 ? "" : "s"} (maxAttempts ${maxAttempts})` };
  return { retry: true, afterMs: backoffSeconds * 1000 * 2 ** (attempts - 1) };
}
