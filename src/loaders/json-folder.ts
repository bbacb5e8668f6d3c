/**
 * Content loader for a folder of JSON files, each an array of entries with an `id`. Several authors
 * can add entries without editing one shared file. Entries keep the order they were written in:
 * files by name, then array order, exposed as `position` so pages can show authored order even
 * though getCollection sorts by id. Two entries with one id fail the build, naming both files.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';

export function jsonFolder(dir: string): Loader {
  return {
    name: 'json-folder',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const sync = async () => {
        const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
        const seen = new Map<string, string>();
        store.clear();
        let position = 0;
        for (const name of files) {
          const entries: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
          if (!Array.isArray(entries)) throw new Error(`${dir}/${name}: expected a JSON array of entries`);
          for (const entry of entries) {
            const { id, ...rest } = (entry ?? {}) as Record<string, unknown>;
            if (typeof id !== 'string' || id === '') throw new Error(`${dir}/${name}: an entry has no string "id"`);
            const clash = seen.get(id);
            if (clash) throw new Error(`${dir}: id "${id}" is used in both ${clash} and ${name}`);
            seen.set(id, name);
            const data = await parseData({ id, data: { ...rest, position: position++ } });
            store.set({ id, data, digest: generateDigest(data) });
          }
        }
      };
      await sync();
      // In `astro dev`, reload the folder when one of its files changes.
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(join(process.cwd(), dir)) && path.endsWith('.json')) void sync();
      });
    },
  };
}
