import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each topic folder's index.ts exports exactly its folder: every module, nothing from elsewhere.
const lib = fileURLToPath(new URL('../../src/lib/', import.meta.url));
const folders = readdirSync(lib, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe.each(folders)('src/lib/%s/index.ts', (folder) => {
  const modules = readdirSync(`${lib}${folder}`)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .sort();
  const barrel = readFileSync(`${lib}${folder}/index.ts`, 'utf8');
  const listed = [...barrel.matchAll(/from '([^']+)'/g)].map((match) => match[1]);

  it('re-exports every module of the folder and nothing else', () => {
    expect(listed.sort()).toEqual(modules.map((name) => `./${name}`));
  });

  it('hands on every export of those modules', async () => {
    const exported = await import(`${lib}${folder}/index.ts`);
    for (const name of modules) {
      const module = await import(`${lib}${folder}/${name}`);
      for (const key of Object.keys(module)) expect(exported[key], `${folder}/${name}: ${key}`).toBe(module[key]);
    }
  });
});
