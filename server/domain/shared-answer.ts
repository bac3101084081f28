/**
 * A read whose answer is shared: callers within `ttlMs` of the last answer get it, and callers
 * while a read is under way wait for that one. So a flood of requests costs one read per `ttlMs`,
 * not one each. A failed read is not kept: the next caller reads again.
 */
export function sharedAnswer<T>(read: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let kept: { value: T; at: number } | undefined;
  let pending: Promise<T> | undefined;
  return () => {
    if (kept && now() - kept.at < ttlMs) return Promise.resolve(kept.value);
    pending ??= read().then(
      (value) => {
        kept = { value, at: now() };
        pending = undefined;
        return value;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
