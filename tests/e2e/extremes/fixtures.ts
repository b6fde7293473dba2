import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, startBackend, startStaticServer, type Backend, type StaticServer } from '../fixtures';

// The extremes: content of our own at every limit the contract allows
// (tests/e2e/seed-extremes: 20+ menu entries four levels deep, 14-column
// tables, every element a body may hold, media on a second origin, counts of
// ten digits and more, empty optional fields, 300-character titles, NFD
// Vietnamese), served by the real backend. The photos, songs and logos of
// that content live on another origin: a plain file server of public/, as a
// CDN would hold them.

const root = path.resolve(__dirname, '../../..');
const seedSource = path.join(root, 'tests/e2e/seed-extremes');
/** How the seed names the media origin; each run writes the real one in. */
const MEDIA_PLACEHOLDER = 'http://media.invalid';

/** A seed file's content as written (NFD text and all). */
export function seedAsWritten<T = any>(name: string): T {
  return JSON.parse(readFileSync(path.join(seedSource, name), 'utf8'));
}

/** A seed file's content as a reader sees it: every string composed (NFC),
 *  as the front end shows what it is given. */
export function seed<T = any>(name: string): T {
  return JSON.parse(readFileSync(path.join(seedSource, name), 'utf8'),
    (_key, value) => (typeof value === 'string' ? value.normalize('NFC') : value));
}

/** Every entry of a menu, at any depth. */
export function flatten(items: { label: string; children?: any[] }[]): { label: string; depth: number }[] {
  const out: { label: string; depth: number }[] = [];
  const walk = (list: any[], depth: number) => {
    for (const item of list) {
      out.push({ label: item.label, depth });
      walk(item.children ?? [], depth + 1);
    }
  };
  walk(items, 1);
  return out;
}

type Workers = { media: StaticServer };

export const test = base.extend<{ mediaOrigin: string }, Workers>({
  // Files only, never written to: one for the worker.
  media: [async ({}, use) => {
    const server = await startStaticServer(path.join(root, 'public'));
    await use(server);
    await server.stop();
  }, { scope: 'worker' }],
  // A backend of the spec file's own, as in ../fixtures.ts, over the extremes.
  backend: async ({ media, perFile }, use, testInfo) => {
    await use(await perFile.get('extremes', testInfo, () => startExtremes(media)));
  },
  mediaOrigin: async ({ media }, use) => use(media.url),
});

export { expect };

/** The backend over a copy of the extremes seed, its media origin written in. */
async function startExtremes(media: StaticServer): Promise<Backend> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ntm-extremes-'));
  cpSync(seedSource, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(MEDIA_PLACEHOLDER, media.url));
  }
  const backend = await startBackend([
    '--seed', dir, '--media-origin', media.url, '--new-visitors-per-ip', '1000000',
  ]);
  return {
    url: backend.url,
    stop: async () => {
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
