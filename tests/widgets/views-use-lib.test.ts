import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// "No widget computes a metric itself": the maths lives in src/lib, and a widget's code only
// formats and draws. A widget file may not call the transcendental functions that formulas are
// made of, hard-code a normal quantile, or define a function that src/lib already exports.
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const read = (path: string) => readFileSync(`${src}${path}`, 'utf8');

const libExports = new Set(
  readdirSync(`${src}lib`, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .flatMap((path) => [...read(`lib/${path}`).matchAll(/export (?:function|const) (\w+)/g)].map((m) => m[1])),
);

const widgetFiles = readdirSync(`${src}widgets`, { recursive: true, encoding: 'utf8' }).filter(
  (path) => path.endsWith('.ts') && !path.startsWith('kit/'),
);

/** Math.log10 and rounding stay allowed: they format numbers, they do not compute a metric. */
const FORMULA_MATH = /Math\.(exp|expm1|log|log1p|log2|sqrt|cbrt|pow|hypot|sin|cos|tan|atan2?|asin|acos)\(/;
const NORMAL_QUANTILES = /\b(1\.96|2\.576?|2\.58|1\.645|1\.28)\b/;

describe.each(widgetFiles)('src/widgets/%s', (path) => {
  const code = read(`widgets/${path}`);

  it('calls no formula maths and hard-codes no normal quantile', () => {
    expect(code).not.toMatch(FORMULA_MATH);
    expect(code).not.toMatch(NORMAL_QUANTILES);
  });

  it('defines no function that src/lib exports', () => {
    const defined = [...code.matchAll(/(?:function|const) (\w+)\s*(?:=\s*\(|\()/g)].map((m) => m[1]);
    expect(defined.filter((name) => libExports.has(name))).toEqual([]);
  });
});
