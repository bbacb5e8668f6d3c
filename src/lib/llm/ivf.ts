/**
 * Vector search for the retrieval lab: exact k-nearest neighbours, and an inverted-file (IVF)
 * index that clusters the vectors with k-means and scans only the clusters nearest the query,
 * trading recall for fewer distance computations. Distances are squared Euclidean (L2), as
 * FAISS's IndexFlatL2 and IndexIVFFlat.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireInteger,
  requireIntegerInRange,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.ts';
import { mulberry32, normalSample } from '../random.ts';

/** Most vectors an index may hold (a build and a search stay well under 100 ms at this size). */
export const MAX_IVF_VECTORS = 5000;
/**
 * Most dimensions per vector. Real embeddings have 384 to 3,072; the lab's synthetic stand-ins need
 * far fewer to show the recall/cost trade-off, and the build's cost grows with the dimension.
 */
export const MAX_IVF_DIMENSIONS = 16;
/** Most IVF lists (k-means clusters). */
export const MAX_IVF_NLIST = 64;
/** Lloyd iterations of the k-means that trains the coarse quantizer (fewer if assignments settle). */
export const KMEANS_ITERATIONS = 10;
/** The k-means trains on at most this many vectors per list (a seeded random sample), as FAISS subsamples. */
export const TRAINING_POINTS_PER_LIST = 16;

export type Vector = readonly number[];

export interface IvfIndex {
  readonly count: number;
  readonly dimensions: number;
  readonly nlist: number;
  /** nlist × dimensions centroid coordinates, row after row. */
  readonly centroids: Float64Array;
  /** For each list, the ids (positions in the input) of its vectors, ascending. */
  readonly lists: readonly Int32Array[];
  /** count × dimensions vector coordinates, row after row. */
  readonly data: Float64Array;
}

export interface NeighborResult {
  /** Ids (positions in the input) of the nearest vectors, nearest first; ties by smaller id. */
  ids: number[];
  /** Their squared Euclidean distances to the query. */
  distances: number[];
  /** Distances computed to answer the query (centroids and vectors); exact search computes n. */
  distancesComputed: number;
}

/** Copies vectors into one flat array after checking they are non-empty, equal-length and finite. */
function flatten(
  vectors: readonly Vector[],
  metric: string,
): { data: Float64Array; count: number; dimensions: number } {
  requireNonEmpty(vectors, 'vectors', metric);
  requireIntegerInRange(vectors.length, 'the number of vectors', metric, 1, MAX_IVF_VECTORS);
  const dimensions = (vectors[0] as Vector).length;
  requireIntegerInRange(dimensions, 'the number of dimensions', metric, 1, MAX_IVF_DIMENSIONS);
  const data = new Float64Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) {
      throw new MetricInputError(
        `${metric}: vectors[${i}] has ${vector.length} dimensions but vectors[0] has ${dimensions}; all must match.`,
        'length-mismatch',
      );
    }
    for (let j = 0; j < dimensions; j++) {
      const value = vector[j];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new MetricInputError(
          `${metric}: vectors[${i}][${j}] is ${String(value)}; every coordinate must be a finite number.`,
          'not-finite',
        );
      }
      data[i * dimensions + j] = value;
    }
  });
  return { data, count: vectors.length, dimensions };
}

function requireQuery(query: Vector, dimensions: number, metric: string): Float64Array {
  if (query.length !== dimensions) {
    throw new MetricInputError(
      `${metric}: the query has ${query.length} dimensions but the vectors have ${dimensions}.`,
      'length-mismatch',
    );
  }
  const out = new Float64Array(dimensions);
  for (let j = 0; j < dimensions; j++) {
    const value = query[j];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new MetricInputError(
        `${metric}: query[${j}] is ${String(value)}; it must be a finite number.`,
        'not-finite',
      );
    }
    out[j] = value;
  }
  return out;
}

/**
 * Squared L2 distance between row `row` of `data` and `point` (the one distance routine). With a
 * `bound`, it may stop early, every 4 terms, once the sum exceeds it (the sum is then > bound but
 * not the distance), so a vector that cannot enter the nearest k costs fewer terms (the retrieval
 * lab's recall curve at 2,500 vectors of 8 dimensions: 3.1 -> 2.6 ms in Node).
 */
function squaredDistance(
  data: Float64Array,
  row: number,
  point: Float64Array,
  dimensions: number,
  bound = Infinity,
): number {
  let total = 0;
  const offset = row * dimensions;
  for (let start = 0; start < dimensions && total <= bound; start += 4) {
    const stop = Math.min(dimensions, start + 4);
    for (let j = start; j < stop; j++) {
      const diff = (data[offset + j] as number) - (point[j] as number);
      total += diff * diff;
    }
  }
  return total;
}

/** Squared L2 distance between row `row` of `data` and row `other` of `rows`. */
function distanceToRow(data: Float64Array, row: number, rows: Float64Array, other: number, dimensions: number): number {
  return squaredDistance(data, row, rows.subarray(other * dimensions, (other + 1) * dimensions), dimensions);
}

/**
 * Whether no vector of a list can enter the nearest k, by the triangle inequality: each is at least
 * (distance to the centroid - the list's radius) from the query. The slack keeps rounding from
 * skipping a vector whose computed distance would still have entered, so results stay exact.
 */
function cannotEnter(centroidDistance: number, radius: number, bound: number): boolean {
  const lower = centroidDistance - radius - 1e-12 * (centroidDistance + radius);
  return lower > 0 && lower * lower > bound * (1 + 1e-9);
}

/** Keeps the k smallest (distance, id) pairs seen, as a max-heap on (distance, id). */
class NearestK {
  private readonly distances: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
    this.distances = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  private worse(i: number, j: number): boolean {
    const a = this.distances[i] as number;
    const b = this.distances[j] as number;
    return a > b || (a === b && (this.ids[i] as number) > (this.ids[j] as number));
  }

  private swap(i: number, j: number): void {
    const d = this.distances[i] as number;
    this.distances[i] = this.distances[j] as number;
    this.distances[j] = d;
    const id = this.ids[i] as number;
    this.ids[i] = this.ids[j] as number;
    this.ids[j] = id;
  }

  /** Distances above this cannot enter (the farthest kept, or Infinity while fewer than k are kept). */
  bound(): number {
    return this.size < this.k ? Infinity : (this.distances[0] as number);
  }

  offer(distance: number, id: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      this.distances[i] = distance;
      this.ids[i] = id;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const top = this.distances[0] as number;
    if (distance > top || (distance === top && id > (this.ids[0] as number))) return;
    this.distances[0] = distance;
    this.ids[0] = id;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(right, left) ? right : left;
      if (!this.worse(child, i)) break;
      this.swap(i, child);
      i = child;
    }
  }

  /** A copy of the ids kept, in heap order. */
  keptIds(): Int32Array {
    return this.ids.slice(0, this.size);
  }

  /** The pairs, nearest first. */
  sorted(): { ids: number[]; distances: number[] } {
    const order = Array.from({ length: this.size }, (_, i) => i).sort((i, j) =>
      this.worse(i, j) ? 1 : this.worse(j, i) ? -1 : 0,
    );
    return { ids: order.map((i) => this.ids[i] as number), distances: order.map((i) => this.distances[i] as number) };
  }
}

/** Euclidean distance between row `a` of `x` and row `b` of `y`. */
function distanceBetween(x: Float64Array, a: number, y: Float64Array, b: number, dimensions: number): number {
  let total = 0;
  for (let j = 0; j < dimensions; j++) {
    const diff = (x[a * dimensions + j] as number) - (y[b * dimensions + j] as number);
    total += diff * diff;
  }
  return Math.sqrt(total);
}

/**
 * Lloyd's k-means, accelerated with Hamerly's bounds: each vector keeps an upper bound on the
 * distance to its centroid and a lower bound on the distance to any other; a vector whose upper
 * bound is below max(lower bound, half the gap from its centroid to the nearest other centroid)
 * cannot change cluster and is skipped. Same fixed points as plain Lloyd iterations.
 * Reference: Hamerly, "Making k-means Even Faster", SDM 2010, https://doi.org/10.1137/1.9781611972801.12
 */
function kMeans(data: Float64Array, count: number, dimensions: number, k: number): Float64Array {
  // Initial centroids: the first k vectors (the caller passes them in a random order).
  const centroids = data.slice(0, k * dimensions);
  const assignment = new Int32Array(count);
  const upper = new Float64Array(count);
  const lower = new Float64Array(count);
  /** Full search for vector i: nearest (lowest index on a tie) and second-nearest centroid. */
  const fullAssign = (i: number): boolean => {
    let best = 0;
    let first = Infinity;
    let second = Infinity;
    const offset = i * dimensions;
    for (let c = 0; c < k; c++) {
      let total = 0;
      const centre = c * dimensions;
      // Partial distance: stop once the sum cannot be among the two smallest (checked every 8 terms).
      for (let start = 0; start < dimensions && total <= second; start += 8) {
        const stop = Math.min(dimensions, start + 8);
        for (let j = start; j < stop; j++) {
          const diff = (data[offset + j] as number) - (centroids[centre + j] as number);
          total += diff * diff;
        }
      }
      if (total < first) {
        second = first;
        first = total;
        best = c;
      } else if (total < second) second = total;
    }
    const changed = assignment[i] !== best;
    assignment[i] = best;
    upper[i] = Math.sqrt(first);
    lower[i] = Math.sqrt(second);
    return changed;
  };
  for (let i = 0; i < count; i++) fullAssign(i);

  const previous = new Float64Array(k * dimensions);
  const sums = new Float64Array(k * dimensions);
  const sizes = new Int32Array(k);
  const movement = new Float64Array(k);
  const halfGap = new Float64Array(k);
  const reseeded = new Uint8Array(count);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    // Move each centroid to the mean of its vectors; an empty one restarts on the worst-served vector.
    previous.set(centroids);
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < count; i++) {
      const c = assignment[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let j = 0; j < dimensions; j++) {
        sums[c * dimensions + j] = (sums[c * dimensions + j] as number) + (data[i * dimensions + j] as number);
      }
    }
    reseeded.fill(0);
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      if (size > 0) {
        for (let j = 0; j < dimensions; j++)
          centroids[c * dimensions + j] = (sums[c * dimensions + j] as number) / size;
      } else {
        let far = -1;
        for (let i = 0; i < count; i++) {
          if (reseeded[i] === 0 && (far < 0 || (upper[i] as number) > (upper[far] as number))) far = i;
        }
        reseeded[far] = 1;
        centroids.set(data.subarray(far * dimensions, (far + 1) * dimensions), c * dimensions);
      }
      movement[c] = distanceBetween(previous, c, centroids, c, dimensions);
    }
    // Loosen the bounds by how far the centroids moved.
    let largest = 0;
    let runnerUp = -1;
    for (let c = 1; c < k; c++) {
      if ((movement[c] as number) > (movement[largest] as number)) {
        runnerUp = largest;
        largest = c;
      } else if (runnerUp < 0 || (movement[c] as number) > (movement[runnerUp] as number)) runnerUp = c;
    }
    const maxMove = movement[largest] as number;
    if (maxMove === 0) break; // no centroid moved: converged
    const secondMove = runnerUp < 0 ? 0 : (movement[runnerUp] as number);
    for (let i = 0; i < count; i++) {
      const c = assignment[i] as number;
      upper[i] = (upper[i] as number) + (movement[c] as number);
      lower[i] = (lower[i] as number) - (c === largest ? secondMove : maxMove);
    }
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let other = 0; other < k; other++) {
        if (other !== c) nearest = Math.min(nearest, distanceBetween(centroids, c, centroids, other, dimensions));
      }
      halfGap[c] = nearest / 2;
    }
    // Reassign only the vectors whose bounds cannot rule out a change.
    let changed = false;
    for (let i = 0; i < count; i++) {
      const c = assignment[i] as number;
      const bound = Math.max(halfGap[c] as number, lower[i] as number);
      if ((upper[i] as number) <= bound) continue;
      upper[i] = distanceBetween(data, i, centroids, c, dimensions);
      if ((upper[i] as number) <= bound) continue;
      if (fullAssign(i)) changed = true;
    }
    if (!changed) break;
  }
  return centroids;
}

export interface BuildIvfOptions {
  /** Number of lists (k-means clusters), a whole number from 1 to min(n, MAX_IVF_NLIST). */
  nlist: number;
  /** Seed of the k-means initialisation, a whole number >= 0. */
  seed: number;
}

/**
 * IVF index (inverted file, "IVF-Flat"): k-means centroids and, for each, the list of vectors
 * nearest to it.
 *
 * Algorithm: k-means trained on a seeded random sample of at most TRAINING_POINTS_PER_LIST ×
 * nlist vectors (partial Fisher-Yates on mulberry32(seed); FAISS also trains on a sample). The
 * first nlist sampled vectors are the initial centroids; then up to KMEANS_ITERATIONS Lloyd rounds
 * ("move each centroid to the mean of its vectors, reassign each vector to its nearest
 * centroid"), stopping when no assignment changes, with Hamerly's bounds to skip vectors that
 * cannot change cluster. A centroid left with no vector restarts on the vector farthest from its
 * own. Finally every vector goes to the list of its nearest centroid (lowest index on a tie).
 * Cost O(iterations × sample × nlist × d + n × nlist × d).
 * Reference: Jégou, Douze & Schmid, "Product Quantization for Nearest Neighbor Search", IEEE
 * TPAMI 2011, section IV (inverted file): https://doi.org/10.1109/TPAMI.2010.57 ; FAISS
 * IndexIVFFlat: https://github.com/facebookresearch/faiss/wiki/Faiss-indexes
 *
 * @throws MetricInputError if vectors is empty or above MAX_IVF_VECTORS, the vectors differ in
 *   length, have 0 or more than MAX_IVF_DIMENSIONS dimensions or a non-finite coordinate, nlist is
 *   not a whole number from 1 to min(n, MAX_IVF_NLIST), or seed is not a whole number >= 0.
 * @example
 * const index = buildIvfIndex(clusteredVectors({ count: 2000, dimensions: 16, clusters: 20, spread: 0.1, seed: 1 }),
 *   { nlist: 32, seed: 1 });
 * index.lists.length; // 32
 */
export function buildIvfIndex(vectors: readonly Vector[], { nlist, seed }: BuildIvfOptions): IvfIndex {
  const metric = 'IVF index';
  const { data, count, dimensions } = flatten(vectors, metric);
  requireIntegerInRange(nlist, 'nlist', metric, 1, Math.min(count, MAX_IVF_NLIST));
  requireInteger(seed, 'seed', metric, 0);
  // Training sample: a seeded random subset of at most TRAINING_POINTS_PER_LIST × nlist vectors
  // (a partial Fisher-Yates shuffle), whose first nlist vectors are the initial centroids.
  const sampleSize = Math.min(count, TRAINING_POINTS_PER_LIST * nlist);
  const random = mulberry32(seed);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  const sample = new Float64Array(sampleSize * dimensions);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random() * (count - i));
    const row = order[j] as number;
    order[j] = order[i] as number;
    order[i] = row;
    sample.set(data.subarray(row * dimensions, (row + 1) * dimensions), i * dimensions);
  }
  const centroids = kMeans(sample, sampleSize, dimensions, nlist);

  // Every vector goes to the list of its nearest centroid (lowest index on a tie).
  const assignment = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const offset = i * dimensions;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < nlist; c++) {
      let total = 0;
      const centre = c * dimensions;
      for (let start = 0; start < dimensions && total < bestDistance; start += 8) {
        const stop = Math.min(dimensions, start + 8);
        for (let j = start; j < stop; j++) {
          const diff = (data[offset + j] as number) - (centroids[centre + j] as number);
          total += diff * diff;
        }
      }
      if (total < bestDistance) {
        best = c;
        bestDistance = total;
      }
    }
    assignment[i] = best;
  }

  const lists: Int32Array[] = [];
  const fill = new Int32Array(nlist);
  const listSizes = new Int32Array(nlist);
  for (let i = 0; i < count; i++)
    listSizes[assignment[i] as number] = (listSizes[assignment[i] as number] as number) + 1;
  for (let c = 0; c < nlist; c++) lists.push(new Int32Array(listSizes[c] as number));
  for (let i = 0; i < count; i++) {
    const c = assignment[i] as number;
    (lists[c] as Int32Array)[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  return { count, dimensions, nlist, centroids, lists, data };
}

export interface SearchIvfOptions {
  /** Neighbours wanted, a whole number from 1 to n. */
  k: number;
  /** Lists scanned (those with the nearest centroids), a whole number from 1 to nlist. */
  nprobe: number;
}

/**
 * IVF search: the k nearest vectors among those in the nprobe lists whose centroids are nearest
 * to the query.
 *
 * Algorithm: compute the query's distance to all nlist centroids, take the nprobe nearest (lowest
 * index on a tie), compute the distance to every vector in those lists and keep the k smallest,
 * ties by smaller id. distancesComputed = nlist + vectors scanned. With nprobe = nlist every
 * vector is scanned with the same arithmetic as exactKnn, so the result equals the exact one (at
 * n + nlist distances, more than exact search). If the scanned lists hold fewer than k vectors,
 * fewer ids are returned.
 * Reference: Jégou et al. 2011 (see buildIvfIndex); FAISS nprobe:
 * https://github.com/facebookresearch/faiss/wiki/Faster-search
 *
 * @throws MetricInputError if the query's length differs from the index's dimensions or it has a
 *   non-finite coordinate, k is not a whole number from 1 to n, or nprobe is not from 1 to nlist.
 * @example
 * const tiny = buildIvfIndex([[0, 0], [0, 0.1], [10, 10]], { nlist: 2, seed: 0 });
 * searchIvf(tiny, [10, 10], { k: 3, nprobe: 1 }); // { ids: [2], distances: [0], distancesComputed: 3 } (2 centroids + 1 vector)
 */
export function searchIvf(index: IvfIndex, query: Vector, { k, nprobe }: SearchIvfOptions): NeighborResult {
  const metric = 'IVF search';
  const { count, dimensions, nlist, centroids, lists, data } = index;
  const point = requireQuery(query, dimensions, metric);
  requireIntegerInRange(k, 'k', metric, 1, count);
  requireIntegerInRange(nprobe, 'nprobe', metric, 1, nlist);

  const centroidDistance = new Float64Array(nlist);
  for (let c = 0; c < nlist; c++) centroidDistance[c] = squaredDistance(centroids, c, point, dimensions);
  const probeOrder = Array.from({ length: nlist }, (_, c) => c).sort(
    (a, b) => (centroidDistance[a] as number) - (centroidDistance[b] as number) || a - b,
  );
  const nearest = new NearestK(k);
  let scanned = 0;
  for (let p = 0; p < nprobe; p++) {
    const list = lists[probeOrder[p] as number] as Int32Array;
    for (let i = 0; i < list.length; i++) {
      const id = list[i] as number;
      nearest.offer(squaredDistance(data, id, point, dimensions, nearest.bound()), id);
    }
    scanned += list.length;
  }
  const { ids, distances } = nearest.sorted();
  return { ids, distances, distancesComputed: nlist + scanned };
}

/**
 * Exact k-nearest neighbours by brute force: the reference an approximate index is measured against.
 *
 * Formula: the k vectors with the smallest squared Euclidean distance Σ_j (x_j − q_j)² to the
 * query, nearest first, ties by smaller id; distancesComputed = n.
 * Reference: FAISS IndexFlatL2: https://github.com/facebookresearch/faiss/wiki/Faiss-indexes
 *
 * @throws MetricInputError for invalid vectors (as buildIvfIndex), a query of the wrong length or
 *   with a non-finite coordinate, or k not a whole number from 1 to n.
 * @example
 * exactKnn([[0, 0], [1, 0], [0, 2]], [0.9, 0], 2); // { ids: [1, 0], distances: [0.009999999999999995, 0.81], distancesComputed: 3 }
 */
export function exactKnn(vectors: readonly Vector[], query: Vector, k: number): NeighborResult {
  const metric = 'Exact k-NN';
  const { data, count, dimensions } = flatten(vectors, metric);
  const point = requireQuery(query, dimensions, metric);
  requireIntegerInRange(k, 'k', metric, 1, count);
  const nearest = new NearestK(k);
  for (let i = 0; i < count; i++) nearest.offer(squaredDistance(data, i, point, dimensions, nearest.bound()), i);
  return { ...nearest.sorted(), distancesComputed: count };
}

/**
 * Distances an IVF search computes per query if the lists were equal: every centroid, then the
 * vectors of nprobe lists of N / nlist each. Real k-means lists are uneven, so measure
 * (searchIvf's distancesComputed) when it matters.
 *
 * Formula: D = nlist + nprobe × N / nlist (the RAG chapter's D_IVF).
 * Reference: Jégou et al. 2011, section IV: https://doi.org/10.1109/TPAMI.2010.57
 *
 * @throws MetricInputError if a count is not a whole number >= 1 or nprobe exceeds nlist.
 * @example
 * ivfDistancesPerQuery({ vectors: 5e7, nlist: 65_536, nprobe: 64 }); // 114364.125 (about 114,000)
 */
export function ivfDistancesPerQuery({
  vectors,
  nlist,
  nprobe,
}: {
  vectors: number;
  nlist: number;
  nprobe: number;
}): number {
  const metric = 'IVF distances per query';
  requireInteger(vectors, 'vectors', metric, 1);
  requireInteger(nlist, 'nlist', metric, 1);
  requireIntegerInRange(nprobe, 'nprobe', metric, 1, nlist);
  return nlist + (nprobe * vectors) / nlist;
}

export interface IvfRecallOptions {
  /** Neighbours per query, a whole number from 1 to n. */
  k: number;
  /** The nprobe values to measure, each a whole number from 1 to nlist. */
  nprobes: readonly number[];
}

export interface IvfRecallPoint {
  nprobe: number;
  /** Mean over the queries of |IVF top k ∩ exact top k| / k. */
  recallAtK: number;
  /** Mean distances computed per query: nlist centroids + the vectors in the probed lists. */
  meanDistancesComputed: number;
}

/**
 * Recall against distances computed: how much of the exact top k an IVF search finds at each
 * nprobe, averaged over a set of queries, the trade-off a vector index is tuned on.
 *
 * Algorithm: for each query, one pass over all the lists in order of centroid distance (as
 * searchIvf probes them), reading off the top k after the first nprobe lists for every requested
 * nprobe; after the last list the top k is the exact one (every vector sits in one list; same
 * arithmetic and tie rule as exactKnn), so exact search costs no second pass. A list whose
 * vectors are all too far to enter the top k found so far (its centroid's distance minus its
 * radius, by the triangle inequality) is counted as scanned but not computed: same results.
 * recall@k = |found ∩ exact| / k (the ANN-benchmarks "k-recall@k"); at nprobe = nlist it is 1.
 * Cost O(queries × (n + nlist log nlist) × d), whatever the number of nprobe values.
 * Reference: Aumüller, Bernhardsson & Faithfull, "ANN-Benchmarks", Information Systems 2020,
 * section 2.3 (recall), https://arxiv.org/abs/1807.05614 ; FAISS nprobe:
 * https://github.com/facebookresearch/faiss/wiki/Faster-search
 *
 * @throws MetricInputError if queries is empty, a query's length differs from the index's
 *   dimensions or has a non-finite coordinate, k is not from 1 to n, nprobes is empty or an
 *   nprobe is not from 1 to nlist.
 * @example
 * const vectors = clusteredVectors({ count: 2000, dimensions: 8, clusters: 20, spread: 0.1, seed: 1 });
 * const index = buildIvfIndex(vectors.slice(0, 1950), { nlist: 32, seed: 1 });
 * ivfRecallCurve(index, vectors.slice(1950), { k: 10, nprobes: [1, 32] });
 * // [{ nprobe: 1, recallAtK: ..., ... }, { nprobe: 32, recallAtK: 1, meanDistancesComputed: 1982 }]
 */
export function ivfRecallCurve(
  index: IvfIndex,
  queries: readonly Vector[],
  options: IvfRecallOptions,
): IvfRecallPoint[] {
  const metric = 'IVF recall';
  const { count, dimensions, nlist, centroids, lists, data } = index;
  const { k, nprobes } = options;
  requireNonEmpty(queries, 'queries', metric);
  requireNonEmpty(nprobes, 'nprobes', metric);
  requireIntegerInRange(k, 'k', metric, 1, count);
  nprobes.forEach((nprobe, i) => requireIntegerInRange(nprobe, `nprobes[${i}]`, metric, 1, nlist));
  const wanted = [...new Set(nprobes)].sort((a, b) => a - b);
  const recallSums = new Float64Array(wanted.length);
  const distanceSums = new Float64Array(wanted.length);
  const centroidDistance = new Float64Array(nlist);
  const probeOrder = Array.from({ length: nlist }, (_, c) => c);
  const foundAt: Int32Array[] = [];
  // Each list's radius: no vector of it is farther from its centroid.
  const radius = lists.map((list, c) =>
    list.reduce((far, id) => Math.max(far, Math.sqrt(distanceToRow(data, id, centroids, c, dimensions))), 0),
  );
  for (const query of queries) {
    const point = requireQuery(query, dimensions, metric);
    for (let c = 0; c < nlist; c++) centroidDistance[c] = squaredDistance(centroids, c, point, dimensions);
    probeOrder.sort((a, b) => (centroidDistance[a] as number) - (centroidDistance[b] as number) || a - b);
    // One pass over every list: what the search has found after its first nprobe lists, for each
    // nprobe wanted, and after the last list the exact top k (every vector is in one list).
    const nearest = new NearestK(k);
    let scanned = 0;
    let next = 0;
    for (let p = 0; p < nlist; p++) {
      const c = probeOrder[p] as number;
      const list = lists[c] as Int32Array;
      if (!cannotEnter(Math.sqrt(centroidDistance[c] as number), radius[c] as number, nearest.bound())) {
        for (let i = 0; i < list.length; i++) {
          const id = list[i] as number;
          nearest.offer(squaredDistance(data, id, point, dimensions, nearest.bound()), id);
        }
      }
      scanned += list.length;
      if (p + 1 === wanted[next]) {
        foundAt[next] = nearest.keptIds();
        distanceSums[next] = (distanceSums[next] as number) + nlist + scanned;
        next++;
      }
    }
    const truth = new Set(nearest.keptIds());
    foundAt.forEach((found, i) => {
      const hits = found.reduce((total, id) => total + (truth.has(id) ? 1 : 0), 0);
      recallSums[i] = (recallSums[i] as number) + hits / k;
    });
  }
  return wanted.map((nprobe, i) => ({
    nprobe,
    recallAtK: (recallSums[i] as number) / queries.length,
    meanDistancesComputed: (distanceSums[i] as number) / queries.length,
  }));
}

export interface ClusteredVectorsInput {
  /** Vectors to draw, a whole number from 1 to 2 × MAX_IVF_VECTORS (an index's worth plus as many held-out queries). */
  count: number;
  /** Dimensions, a whole number from 1 to MAX_IVF_DIMENSIONS. */
  dimensions: number;
  /** Gaussian clusters, a whole number >= 1. */
  clusters: number;
  /** Standard deviation of each cluster around its centre (centres lie in [−1, 1]^d), >= 0. */
  spread: number;
  /** Seed, a whole number >= 0. */
  seed: number;
}

/**
 * Synthetic clustered vectors, the retrieval lab's stand-in for embeddings: centres uniform in
 * the cube [−1, 1]^d, each vector a centre (chosen uniformly) plus Gaussian noise of the given
 * spread in every coordinate (Box-Muller on mulberry32(seed)).
 * Reference: the Gaussian-mixture data of scikit-learn's make_blobs,
 * https://scikit-learn.org/stable/modules/generated/sklearn.datasets.make_blobs.html
 *
 * @throws MetricInputError if a count is not a whole number in range, spread is negative or not
 *   finite, or seed is not a whole number >= 0.
 * @example
 * clusteredVectors({ count: 3, dimensions: 2, clusters: 1, spread: 0, seed: 1 });
 * // three copies of the one centre [0.2541478811763227, -0.994528557639569]
 */
export function clusteredVectors({ count, dimensions, clusters, spread, seed }: ClusteredVectorsInput): number[][] {
  const metric = 'Clustered vectors';
  requireIntegerInRange(count, 'count', metric, 1, 2 * MAX_IVF_VECTORS);
  requireIntegerInRange(dimensions, 'dimensions', metric, 1, MAX_IVF_DIMENSIONS);
  requireInteger(clusters, 'clusters', metric, 1);
  requireNonNegative(spread, 'spread', metric);
  requireInteger(seed, 'seed', metric, 0);
  const random = mulberry32(seed);
  const centres = Array.from({ length: Math.min(clusters, count) }, () =>
    Array.from({ length: dimensions }, () => 2 * random() - 1),
  );
  // Plain loops: the retrieval lab draws a few thousand vectors on every slider step.
  const vectors = new Array<number[]>(count);
  for (let i = 0; i < count; i++) {
    const centre = centres[Math.floor(random() * centres.length)] as number[];
    const vector = new Array<number>(dimensions);
    for (let j = 0; j < dimensions; j++) {
      vector[j] = requireFiniteResult((centre[j] as number) + spread * normalSample(random), 'coordinate', metric);
    }
    vectors[i] = vector;
  }
  return vectors;
}
