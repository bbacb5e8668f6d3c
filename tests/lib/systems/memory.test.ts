import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import {
  activationMemoryBytes,
  modelMemoryBytes,
  trainingMemoryBytes,
  type Optimizer,
  type TrainingPrecision,
  type WeightDtype,
  type ZeroStage,
} from '../../../src/lib/systems/index.ts';

describe('modelMemoryBytes', () => {
  it('7B parameters in fp16 take 14 GB (2 bytes a parameter, e.g. Hugging Face model memory anatomy)', () => {
    expect(modelMemoryBytes({ params: 7e9, dtype: 'fp16' })).toBe(14e9);
  });

  it.each([
    ['fp32', 28e9],
    ['bf16', 14e9],
    ['int8', 7e9],
    ['int4', 3.5e9],
  ] as [WeightDtype, number][])('7B parameters in %s take %d bytes', (dtype, bytes) => {
    expect(modelMemoryBytes({ params: 7e9, dtype })).toBe(bytes);
  });

  it('rounds int4 up to whole bytes, since two parameters share a byte', () => {
    expect(modelMemoryBytes({ params: 3, dtype: 'int4' })).toBe(2);
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects params = %s', (params) => {
    expect(() => modelMemoryBytes({ params, dtype: 'fp16' })).toThrow(MetricInputError);
  });

  it('rejects an unknown dtype with the list of options', () => {
    expect(() => modelMemoryBytes({ params: 1, dtype: 'fp8' as WeightDtype })).toThrow(/'fp32', 'fp16'/);
  });
});

describe('trainingMemoryBytes', () => {
  const zero = (params: number, zeroStage: ZeroStage, gpus: number) =>
    trainingMemoryBytes({ params, precision: 'mixed', optimizer: 'adam', zeroStage, gpus });

  it('mixed-precision Adam needs 16 bytes a parameter: 1.5B parameters -> 24 GB (ZeRO paper, section 3.1)', () => {
    expect(zero(1.5e9, 0, 1)).toEqual({ weights: 3e9, gradients: 3e9, optimizerStates: 18e9, total: 24e9 });
  });

  // ZeRO paper (Rajbhandari et al. 2019, arXiv:1910.02054), Figure 1: Ψ = 7.5B, N_d = 64, K = 12.
  it('matches the ZeRO paper example: 120 GB, 31.4 GB, 16.6 GB and 1.88 GB per GPU', () => {
    expect(zero(7.5e9, 0, 64).total).toBe(120e9);
    expect(zero(7.5e9, 1, 64).total / 1e9).toBeCloseTo(31.4, 1);
    expect(zero(7.5e9, 2, 64).total / 1e9).toBeCloseTo(16.6, 1);
    expect(zero(7.5e9, 3, 64).total / 1e9).toBeCloseTo(1.88, 2);
    // Exact values of the formulas 2Ψ + 2Ψ + KΨ/N, 2Ψ + (2 + K)Ψ/N, (2 + 2 + K)Ψ/N.
    expect(zero(7.5e9, 1, 64).total).toBe(31.40625e9);
    expect(zero(7.5e9, 2, 64).total).toBe(16.640625e9);
    expect(zero(7.5e9, 3, 64).total).toBe(1.875e9);
  });

  it('shards optimizer states at stage 1, gradients at stage 2 and weights at stage 3', () => {
    expect(zero(8, 1, 4)).toEqual({ weights: 16, gradients: 16, optimizerStates: 24, total: 56 });
    expect(zero(8, 2, 4)).toEqual({ weights: 16, gradients: 4, optimizerStates: 24, total: 44 });
    expect(zero(8, 3, 4)).toEqual({ weights: 4, gradients: 4, optimizerStates: 24, total: 32 });
  });

  it('does not shard at stage 0, however many GPUs', () => {
    expect(zero(1e9, 0, 1024)).toEqual(zero(1e9, 0, 1));
  });

  // Bytes per parameter as in Rajbhandari et al. 2019 (ZeRO, Figure 1): 2 + 2 + 12 for mixed-precision Adam.
  it.each([
    ['mixed', 'adam', 2, 2, 12],
    ['mixed', 'sgd-momentum', 2, 2, 8],
    ['mixed', 'sgd', 2, 2, 4],
    ['fp32', 'adam', 4, 4, 8],
    ['fp32', 'sgd-momentum', 4, 4, 4],
    ['fp32', 'sgd', 4, 4, 0],
  ] as [TrainingPrecision, Optimizer, number, number, number][])(
    '%s %s keeps %d + %d + %d bytes a parameter',
    (precision, optimizer, weights, gradients, optimizerStates) => {
      expect(trainingMemoryBytes({ params: 1, precision, optimizer, zeroStage: 0, gpus: 1 })).toEqual({
        weights,
        gradients,
        optimizerStates,
        total: weights + gradients + optimizerStates,
      });
    },
  );

  it('never increases with a higher stage or more GPUs (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.constantFrom<Optimizer>('adam', 'sgd-momentum', 'sgd'),
        fc.constantFrom<TrainingPrecision>('mixed', 'fp32'),
        (params, gpus, optimizer, precision) => {
          const totals = ([0, 1, 2, 3] as ZeroStage[]).map(
            (zeroStage) => trainingMemoryBytes({ params, precision, optimizer, zeroStage, gpus }).total,
          );
          for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeLessThanOrEqual(totals[i - 1] as number);
          expect(Number.isFinite(totals[3])).toBe(true);
        },
      ),
    );
  });

  it.each([
    [{ params: 0 }, /params is 0/],
    [{ params: 1e9 + 0.5 }, /whole number/],
    [{ gpus: 0 }, /gpus is 0/],
    [{ gpus: 2.5 }, /gpus/],
    [{ zeroStage: 4 }, /zeroStage is 4/],
    [{ optimizer: 'adagrad' }, /optimizer/],
    [{ precision: 'fp8' }, /precision/],
  ])('rejects %o', (override, message) => {
    const input = { params: 1e9, precision: 'mixed', optimizer: 'adam', zeroStage: 1, gpus: 8, ...override };
    expect(() => trainingMemoryBytes(input as Parameters<typeof trainingMemoryBytes>[0])).toThrow(message);
  });
});

describe('activationMemoryBytes', () => {
  // Korthikanti et al. 2022 (arXiv:2205.05198), section 4 / Table 2; GPT-3 175B: a = 96, s = 2048, h = 12288,
  // so 5as/h = 80 (stated in the paper's section 5), L = 96.
  const gpt3 = { seqLength: 2048, microBatch: 1, hiddenSize: 12288, heads: 96, layers: 96 };
  const sbh = 2048 * 12288;

  it('is s·b·h·(34 + 5as/h) a layer without recomputation: GPT-3 has 5as/h = 80', () => {
    expect(activationMemoryBytes({ ...gpt3, layers: 1 })).toBe(sbh * (34 + 80));
    expect(activationMemoryBytes(gpt3)).toBe(96 * sbh * 114);
  });

  it('follows Table 2 of the paper for tensor / sequence parallelism and recomputation', () => {
    const one = { ...gpt3, layers: 1, tensorParallel: 8 };
    expect(activationMemoryBytes(one)).toBe(sbh * (10 + 24 / 8 + 80 / 8));
    expect(activationMemoryBytes({ ...one, sequenceParallel: true })).toBe((sbh * (34 + 80)) / 8);
    expect(activationMemoryBytes({ ...one, recompute: 'selective' })).toBe(sbh * (10 + 24 / 8));
    expect(activationMemoryBytes({ ...one, sequenceParallel: true, recompute: 'selective' })).toBe((sbh * 34) / 8);
    expect(activationMemoryBytes({ ...one, recompute: 'full' })).toBe(2 * sbh);
  });

  it('saves about 70% for GPT-3 with selective recomputation (the paper: 80 of 114)', () => {
    const saved = 1 - activationMemoryBytes({ ...gpt3, recompute: 'selective' }) / activationMemoryBytes(gpt3);
    expect(saved).toBeCloseTo(80 / 114, 10);
  });

  it('scales linearly with micro-batch and layers', () => {
    expect(activationMemoryBytes({ ...gpt3, microBatch: 4 })).toBe(4 * activationMemoryBytes(gpt3));
  });

  it.each([
    [{ seqLength: 0 }, /seqLength/],
    [{ heads: 7 }, /not divisible by heads/],
    [{ tensorParallel: 5 }, /does not divide heads/],
    [{ tensorParallel: 0 }, /tensorParallel/],
    [{ microBatch: 1.5 }, /microBatch/],
    [{ recompute: 'some' }, /recompute/],
  ])('rejects %o', (override, message) => {
    const input = { ...gpt3, ...override } as Parameters<typeof activationMemoryBytes>[0];
    expect(() => activationMemoryBytes(input)).toThrow(message);
  });
});
