import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import {
  buildIvfIndex,
  clusteredVectors,
  exactKnn,
  ivfDistancesPerQuery,
  ivfRecallCurve,
  MAX_IVF_VECTORS,
  retrievalQuality,
  searchIvf,
  type IvfIndex,
} from '../../../src/lib/llm/index.ts';

const vectors = clusteredVectors({ count: 1500, dimensions: 8, clusters: 12, spread: 0.15, seed: 7 });
const queries = clusteredVectors({ count: 20, dimensions: 8, clusters: 12, spread: 0.15, seed: 7 + 1000 });

function squared(a: readonly number[], b: ArrayLike<number>): number {
  return a.reduce((total, value, j) => total + (value - (b[j] as number)) ** 2, 0);
}

function centroid(index: IvfIndex, c: number): Float64Array {
  return index.centroids.subarray(c * index.dimensions, (c + 1) * index.dimensions);
}

describe('exactKnn', () => {
  it('finds the nearest points by squared Euclidean distance (hand-checked)', () => {
    // Distances to (0.9, 0): (0,0) 0.81, (1,0) 0.01, (0,2) 4.81.
    const result = exactKnn(
      [
        [0, 0],
        [1, 0],
        [0, 2],
      ],
      [0.9, 0],
      2,
    );
    expect(result.ids).toEqual([1, 0]);
    expect(result.distances[0]).toBeCloseTo(0.01, 15);
    expect(result.distances[1]).toBeCloseTo(0.81, 15);
    expect(result.distancesComputed).toBe(3);
  });

  it('breaks distance ties by the smaller id', () => {
    const result = exactKnn(
      [
        [1, 0],
        [-1, 0],
        [0, 1],
        [5, 5],
      ],
      [0, 0],
      3,
    );
    expect(result.ids).toEqual([0, 1, 2]);
  });

  it('agrees with sorting every distance (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: queries.length - 1 }), fc.integer({ min: 1, max: 50 }), (q, k) => {
        const query = queries[q] as number[];
        const expected = vectors
          .map((vector, id) => ({ id, distance: squared(vector, query) }))
          .sort((a, b) => a.distance - b.distance || a.id - b.id)
          .slice(0, k);
        expect(exactKnn(vectors, query, k).ids).toEqual(expected.map((entry) => entry.id));
      }),
      { numRuns: 30 },
    );
  });
});

describe('buildIvfIndex', () => {
  const index = buildIvfIndex(vectors, { nlist: 24, seed: 3 });

  it('puts every vector in exactly one list, the list of its nearest centroid', () => {
    const seen = new Int32Array(vectors.length);
    index.lists.forEach((list, c) => {
      for (const id of list) {
        seen[id] = (seen[id] as number) + 1;
        const own = squared(vectors[id] as number[], centroid(index, c));
        for (let other = 0; other < index.nlist; other++) {
          expect(own).toBeLessThanOrEqual(squared(vectors[id] as number[], centroid(index, other)));
        }
      }
    });
    expect([...seen].every((count) => count === 1)).toBe(true);
    expect(index.lists).toHaveLength(24);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(buildIvfIndex(vectors, { nlist: 24, seed: 3 })).toEqual(index);
    expect(buildIvfIndex(vectors, { nlist: 24, seed: 4 }).centroids).not.toEqual(index.centroids);
  });

  it.each([
    [{ nlist: 0 }, /nlist is 0/],
    [{ nlist: 1501 }, /nlist is 1501; it must be a whole number from 1 to 64/],
    [{ seed: -2 }, /seed is -2/],
  ])('rejects %o', (override, message) => {
    expectMetricError(() => buildIvfIndex(vectors, { nlist: 8, seed: 1, ...override }), 'out-of-range', message);
  });

  it('rejects ragged, non-finite, empty and oversized input', () => {
    expectMetricError(
      () => buildIvfIndex([[0, 1], [2]], { nlist: 1, seed: 0 }),
      'length-mismatch',
      /vectors\[1\] has 1/,
    );
    expectMetricError(() => buildIvfIndex([[0, NaN]], { nlist: 1, seed: 0 }), 'not-finite', /vectors\[0\]\[1\] is NaN/);
    expectMetricError(() => buildIvfIndex([], { nlist: 1, seed: 0 }), 'empty', /vectors is empty/);
    const tooMany = Array.from({ length: MAX_IVF_VECTORS + 1 }, () => [0]);
    expectMetricError(() => buildIvfIndex(tooMany, { nlist: 1, seed: 0 }), 'out-of-range', /5001/);
    expectMetricError(
      () => buildIvfIndex([new Array<number>(17).fill(0)], { nlist: 1, seed: 0 }),
      'out-of-range',
      /17/,
    );
  });
});

describe('searchIvf', () => {
  const index = buildIvfIndex(vectors, { nlist: 24, seed: 3 });

  it('with nprobe = nlist returns exactly the exact k-NN (ids and distances), for every query', () => {
    for (const query of queries) {
      for (const k of [1, 10, 100]) {
        const exact = exactKnn(vectors, query, k);
        const ivf = searchIvf(index, query, { k, nprobe: index.nlist });
        expect(ivf.ids).toEqual(exact.ids);
        expect(ivf.distances).toEqual(exact.distances);
        expect(ivf.distancesComputed).toBe(vectors.length + index.nlist);
      }
    }
  });

  it('counts the centroid distances plus the vectors in the probed lists', () => {
    const query = queries[0] as number[];
    const order = Array.from({ length: index.nlist }, (_, c) => c).sort(
      (a, b) => squared(query, centroid(index, a)) - squared(query, centroid(index, b)) || a - b,
    );
    const scanned =
      (index.lists[order[0] as number] as Int32Array).length + (index.lists[order[1] as number] as Int32Array).length;
    expect(searchIvf(index, query, { k: 5, nprobe: 2 }).distancesComputed).toBe(index.nlist + scanned);
  });

  it('recall against exact search never falls as nprobe grows, and reaches 1 at nprobe = nlist', () => {
    const k = 10;
    for (const query of queries) {
      const exact = exactKnn(vectors, query, k).ids;
      let previous = 0;
      for (let nprobe = 1; nprobe <= index.nlist; nprobe++) {
        const found = searchIvf(index, query, { k, nprobe }).ids;
        const recall = found.length === 0 ? 0 : retrievalQuality(found, exact, k).recallAtK;
        expect(recall).toBeGreaterThanOrEqual(previous);
        previous = recall;
      }
      expect(previous).toBe(1);
    }
  });

  it('on clustered data, nprobe 2 of 24 computes under a quarter of the distances and finds most neighbours', () => {
    let recallSum = 0;
    let computed = 0;
    for (const query of queries) {
      const result = searchIvf(index, query, { k: 10, nprobe: 2 });
      recallSum += retrievalQuality(result.ids, exactKnn(vectors, query, 10).ids, 10).recallAtK;
      computed += result.distancesComputed;
    }
    expect(computed / queries.length).toBeLessThan(vectors.length / 4);
    expect(recallSum / queries.length).toBeGreaterThan(0.7);
  });

  it('returns fewer ids when the probed lists hold fewer than k vectors', () => {
    const tiny = buildIvfIndex(
      [
        [0, 0],
        [0, 0.1],
        [10, 10],
      ],
      { nlist: 2, seed: 0 },
    );
    const result = searchIvf(tiny, [10, 10], { k: 3, nprobe: 1 });
    expect(result.ids).toEqual([2]);
  });

  it.each([
    [
      [0, 0, 0, 0, 0, 0, 0],
      { k: 1, nprobe: 1 },
      'length-mismatch',
      /the query has 7 dimensions but the vectors have 8/,
    ],
    [[0, 0, 0, 0, 0, 0, 0, Infinity], { k: 1, nprobe: 1 }, 'not-finite', /query\[7\] is Infinity/],
    [[0, 0, 0, 0, 0, 0, 0, 0], { k: 0, nprobe: 1 }, 'out-of-range', /k is 0/],
    [[0, 0, 0, 0, 0, 0, 0, 0], { k: 1501, nprobe: 1 }, 'out-of-range', /k is 1501/],
    [
      [0, 0, 0, 0, 0, 0, 0, 0],
      { k: 1, nprobe: 25 },
      'out-of-range',
      /nprobe is 25; it must be a whole number from 1 to 24/,
    ],
  ] as const)('rejects query %o with %o', (query, options, code, message) => {
    expectMetricError(() => searchIvf(index, query, options), code, message);
  });
});

describe('ivfRecallCurve', () => {
  const index = buildIvfIndex(vectors, { nlist: 24, seed: 3 });
  const nprobes = Array.from({ length: 24 }, (_, i) => i + 1);

  it('equals searching each nprobe on its own, averaged over the queries', () => {
    const curve = ivfRecallCurve(index, queries, { k: 10, nprobes });
    for (const point of curve) {
      let recall = 0;
      let computed = 0;
      for (const query of queries) {
        const exact = new Set(exactKnn(vectors, query, 10).ids);
        const found = searchIvf(index, query, { k: 10, nprobe: point.nprobe });
        recall += found.ids.filter((id) => exact.has(id)).length / 10;
        computed += found.distancesComputed;
      }
      expect(point.recallAtK).toBeCloseTo(recall / queries.length, 12);
      expect(point.meanDistancesComputed).toBeCloseTo(computed / queries.length, 9);
    }
  });

  it('never falls as nprobe grows, reaches 1 at nprobe = nlist, and costs n + nlist there', () => {
    const curve = ivfRecallCurve(index, queries, { k: 5, nprobes });
    curve
      .slice(1)
      .forEach((point, i) => expect(point.recallAtK).toBeGreaterThanOrEqual((curve[i] as typeof point).recallAtK));
    expect(curve.at(-1)).toEqual({ nprobe: 24, recallAtK: 1, meanDistancesComputed: vectors.length + 24 });
  });

  it.each([
    ['every vector on its centre (ties everywhere)', 0],
    ['wide, overlapping clusters', 1],
  ])('equals searching each nprobe on its own with %s', (_, spread) => {
    // The curve skips a list whose vectors are all too far to enter the top k: that must never
    // change what is found, even where many distances tie.
    const points = clusteredVectors({ count: 420, dimensions: 4, clusters: 6, spread, seed: 9 });
    const data = points.slice(0, 400);
    const asked = points.slice(400);
    const ivf = buildIvfIndex(data, { nlist: 8, seed: 2 });
    const curve = ivfRecallCurve(ivf, asked, { k: 7, nprobes: [1, 2, 3, 4, 5, 6, 7, 8] });
    for (const point of curve) {
      const recall = asked.reduce((total, query) => {
        const exact = new Set(exactKnn(data, query, 7).ids);
        return (
          total + searchIvf(ivf, query, { k: 7, nprobe: point.nprobe }).ids.filter((id) => exact.has(id)).length / 7
        );
      }, 0);
      expect(point.recallAtK).toBeCloseTo(recall / asked.length, 12);
    }
  });

  it('sorts and de-duplicates the nprobe values', () => {
    expect(ivfRecallCurve(index, queries, { k: 5, nprobes: [4, 1, 4] }).map((p) => p.nprobe)).toEqual([1, 4]);
  });

  it.each([
    [[], { k: 5, nprobes: [1] }, 'empty', /queries/],
    [queries, { k: 5, nprobes: [] }, 'empty', /nprobes/],
    [queries, { k: 0, nprobes: [1] }, 'out-of-range', /k is 0/],
    [queries, { k: 5, nprobes: [25] }, 'out-of-range', /nprobes\[0\] is 25/],
    [[[0, 0]], { k: 5, nprobes: [1] }, 'length-mismatch', /the query has 2 dimensions/],
  ] as const)('rejects queries %#', (qs, options, code, message) => {
    expectMetricError(() => ivfRecallCurve(index, qs, options), code, message);
  });
});

describe('clusteredVectors', () => {
  it('with spread 0 every vector is one of the centres', () => {
    const points = clusteredVectors({ count: 50, dimensions: 3, clusters: 2, spread: 0, seed: 5 });
    expect(new Set(points.map((point) => point.join(','))).size).toBeLessThanOrEqual(2);
    for (const point of points) for (const value of point) expect(Math.abs(value)).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed', () => {
    const input = { count: 10, dimensions: 4, clusters: 3, spread: 0.2, seed: 9 };
    expect(clusteredVectors(input)).toEqual(clusteredVectors(input));
    expect(clusteredVectors({ ...input, seed: 10 })).not.toEqual(clusteredVectors(input));
  });

  it('rejects a negative spread and a count of 0', () => {
    expectMetricError(
      () => clusteredVectors({ count: 0, dimensions: 2, clusters: 1, spread: 0, seed: 1 }),
      'out-of-range',
      /count is 0/,
    );
    expectMetricError(
      () => clusteredVectors({ count: 5, dimensions: 2, clusters: 1, spread: -1, seed: 1 }),
      'out-of-range',
      /spread is -1/,
    );
  });
});

describe('ivfDistancesPerQuery', () => {
  it('the RAG chapter: 50M vectors, 65,536 lists, 64 probes: about 114,000 distances, 437 times fewer than flat', () => {
    const d = ivfDistancesPerQuery({ vectors: 5e7, nlist: 65_536, nprobe: 64 });
    expect(d).toBeCloseTo(65_536 + 64 * (5e7 / 65_536), 6);
    expect(Math.round(d / 1000)).toBe(114);
    expect(Math.round(5e7 / d)).toBe(437);
  });
  it('rejects nprobe above nlist', () => {
    expectMetricError(() => ivfDistancesPerQuery({ vectors: 100, nlist: 4, nprobe: 5 }), 'out-of-range', /nprobe is 5/);
  });
});
