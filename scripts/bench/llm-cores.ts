/**
 * The LLM calculators at their largest allowed input: the time one input change takes, i.e. one
 * call of the widget's view (its maths, charts and markup), median of five runs. The bar:
 * the batching simulation and the retrieval lab answer in well under 100 ms.
 */
import { defaultState, type WidgetSchema } from '../../src/widgets/kit/schema.ts';
import type { WidgetResult } from '../../src/widgets/kit/result.ts';
import { simulateLlmBatching } from '../../src/lib/llm/batching.ts';
import { MAX_IVF_DIMENSIONS, MAX_IVF_NLIST, MAX_IVF_VECTORS } from '../../src/lib/llm/ivf.ts';

export interface LlmCoreTiming {
  input: string;
  ms: number;
}

const RUNS = 5;

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median time of `RUNS` calls; `run(i)` may vary the input so nothing is served from a cache. */
function time(run: (i: number) => void): number {
  return median(
    Array.from({ length: RUNS }, (_, i) => {
      const start = performance.now();
      run(i);
      return performance.now() - start;
    }),
  );
}

async function widget(name: string) {
  const { schema } = (await import(`../../src/widgets/${name}/schema.ts`)) as { schema: WidgetSchema };
  const { view } = (await import(`../../src/widgets/${name}/view.ts`)) as {
    view: (state: Record<string, unknown>) => WidgetResult;
  };
  const defaults = defaultState(schema) as Record<string, unknown>;
  return (patch: Record<string, unknown>) => {
    const result = view({ ...defaults, ...patch });
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
  };
}

export async function llmCoreTimings(): Promise<Record<string, LlmCoreTiming>> {
  const kv = await widget('kv-planner');
  const latency = await widget('llm-latency');
  const speculative = await widget('speculative');
  const batching = await widget('llm-batching');
  const retrieval = await widget('retrieval-lab');
  const fineTuning = await widget('fine-tuning');
  const judge = await widget('judge-agreement');

  const biggestIvf = { lab: 'ivf', n: MAX_IVF_VECTORS, dims: MAX_IVF_DIMENSIONS, nlist: MAX_IVF_NLIST, clusters: 200 };
  const judgeLines = Array.from({ length: 300 }, (_, i) => ['pass,pass', 'pass,fail', 'fail,pass', 'fail,fail'][i % 4]);
  return {
    'KV cache planner': {
      input: 'DeepSeek-V3, 1,048,576 tokens, batch 4,096, 64 GPUs, MHA comparison',
      ms: time(() => kv({ model: 'deepseek-v3', context: 1_048_576, batch: 4096, gpus: 64, mha: true })),
    },
    'LLM latency and cost': {
      input: 'Llama-3.1-8B INT4 on 8 B200s: 131,072-token prompt, 32,768 out, batch 1,024 (1,024 batches swept)',
      ms: time((i) =>
        latency({ weights: 'int4', kv: 'fp8', gpu: 'b200', gpus: 8, prompt: 131_072 - i, output: 32_768, batch: 1024 }),
      ),
    },
    'speculative decoding': {
      input: 'γ 16, batch 1,024',
      ms: time((i) => speculative({ draft: 16, batch: 1024, alpha: 0.9 - i / 100 })),
    },
    'LLM batching simulation (core, continuous)': {
      input: '20,000 requests, 200/s, mean 4,096 output tokens, 1,024 slots',
      ms: time((i) =>
        simulateLlmBatching({
          policy: 'continuous',
          arrivalRatePerSec: 200,
          maxBatch: 1024,
          promptTokens: 1000,
          meanOutputTokens: 4096,
          prefillSecondsPerToken: 32.5e-6,
          decodeStepSeconds: (batch) => (6.85 + 0.112 * batch) / 1000,
          requests: 20_000,
          seed: i + 1,
        }),
      ),
    },
    'LLM batching (an input change: both policies at 20,000 requests plus 14 chart runs)': {
      input: '20,000 requests, 200/s, mean 4,096 output tokens, 1,024 slots',
      ms: time((i) => batching({ requests: 20_000, rate: 200, output: 4096, maxBatch: 1024, seed: i + 1 })),
    },
    'LLM batching at the defaults (an input change)': {
      input: '2,000 requests at 4/s, 64 slots',
      ms: time((i) => batching({ seed: i + 1 })),
    },
    'retrieval lab, IVF: a new data set and index': {
      input: `${MAX_IVF_VECTORS} vectors x ${MAX_IVF_DIMENSIONS} dims, ${MAX_IVF_NLIST} lists, k = 50`,
      ms: time((i) => retrieval({ ...biggestIvf, nprobe: 4, neighbors: 50, seed: i + 1 })),
    },
    'retrieval lab, IVF: nprobe changed (curve kept)': {
      input: `${MAX_IVF_VECTORS} vectors x ${MAX_IVF_DIMENSIONS} dims, ${MAX_IVF_NLIST} lists, k = 50`,
      ms: time((i) => retrieval({ ...biggestIvf, nprobe: 1 + i * 7, neighbors: 50, seed: 999 })),
    },
    'retrieval lab, IVF: k changed (index kept, 50 queries measured again)': {
      input: `${MAX_IVF_VECTORS} vectors x ${MAX_IVF_DIMENSIONS} dims, ${MAX_IVF_NLIST} lists, k from 50 down`,
      ms: time((i) => retrieval({ ...biggestIvf, nprobe: 4, neighbors: 49 - i, seed: 999 })),
    },
    'retrieval lab, RRF': {
      input: 'two rankings of about 130 items each (400 characters)',
      ms: time((i) => {
        const items = (offset: number) => Array.from({ length: 130 }, (_, j) => (j * 7 + offset) % 131).join(',');
        retrieval({ lab: 'rrf', bm25: items(i), dense: items(i + 3), relevant: '1,2,3,4,5', cutoff: 50 });
      }),
    },
    'fine-tuning memory': {
      input: 'Llama-3.1-70B, rank 1,024, 32,768-token sequences',
      ms: time((i) => fineTuning({ model: 'llama-3.1-70b', method: 'lora', rank: 1024 - i, seq: 32_768 })),
    },
    'judge agreement': {
      input: '300 pasted label lines (the 4,000-character limit)',
      ms: time((i) => judge({ labels: ['judge,human', ...judgeLines.slice(i)].join('\n') })),
    },
  };
}
