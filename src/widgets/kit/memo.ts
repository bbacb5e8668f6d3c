/**
 * Remembers the last few results of a pure computation by its arguments (compared with Object.is),
 * so that moving one input reuses the expensive parts that depend only on the others: the traffic
 * splitter hashes its users once per experiment name, not once per slider step.
 */
export function memoize<A extends unknown[], R>(compute: (...args: A) => R, size = 4): (...args: A) => R {
  const recent: { args: A; result: R }[] = [];
  return (...args: A) => {
    const hit = recent.find(
      (entry) => entry.args.length === args.length && entry.args.every((a, i) => Object.is(a, args[i])),
    );
    if (hit) return hit.result;
    const result = compute(...args);
    recent.unshift({ args, result });
    recent.length = Math.min(recent.length, size);
    return result;
  };
}
