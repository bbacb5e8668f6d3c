/** The widgets' core computations at 10^3 to 10^6 inputs, median of three runs. */
import { histogram, quantileEdges } from '../../src/lib/drift/histogram.ts';
import { psi } from '../../src/lib/drift/psi.ts';
import { rocAuc } from '../../src/lib/metrics/roc.ts';
import { mulberry32 } from '../../src/lib/random.ts';
import { simulateDynamicBatching } from '../../src/lib/systems/batching.ts';

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(fn: () => void, runs = 3) {
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }),
  );
}
export function coreTimings() {
  const out: Record<string, Record<string, number>> = {
    'ROC AUC': {},
    'PSI (10 quantile bins)': {},
    'batching simulation': {},
  };
  for (const n of [1e3, 1e4, 1e5, 1e6]) {
    const random = mulberry32(n);
    const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const scores = y.map((label) => random() + label * 0.3);
    const reference = Array.from({ length: n }, () => random());
    const current = Array.from({ length: n }, () => random() * 1.1);
    out['ROC AUC'][String(n)] = time(() => rocAuc(y, scores));
    out['PSI (10 quantile bins)'][String(n)] = time(() => {
      const edges = quantileEdges(reference, 10);
      psi(histogram(reference, edges), histogram(current, edges));
    });
    out['batching simulation'][String(n)] = time(() =>
      simulateDynamicBatching({
        arrivalRatePerSec: 800,
        maxBatchSize: 16,
        maxQueueDelayMs: 5,
        fixedLatencyMs: 8,
        perItemLatencyMs: 0.5,
        instances: 2,
        requests: n,
        seed: 1,
      }),
    );
  }
  return out;
}
