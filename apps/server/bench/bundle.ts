import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer } from '../bundle.mjs';

/**
 * A server file bundled the way `build.mjs` bundles Kring for production (`bundle.mjs`: one file,
 * npm packages inside but for the SQLite driver), so it starts with plain `node`. Under tsx every
 * module goes through its loader first: a Kring process took ~1.4 s of CPU to listen, almost all of
 * it in module loading, against ~0.5 s for a baseline; a benchmark that restarts servers would
 * mostly time tsx. Built once per driver.
 */

// Inside node_modules so that what stays outside the bundle resolves as the source's does.
const OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/kring-bench/', import.meta.url));
const built = new Map<string, Promise<string>>();

export function bundled(file: string): Promise<string> {
  let out = built.get(file);
  if (!out) {
    out = bundle(file);
    built.set(file, out);
  }
  return out;
}

async function bundle(file: string): Promise<string> {
  // A directory per server: each has its own chunks.
  const name = basename(file).replace(/\.ts$/, '');
  const outdir = `${OUT_DIR}${name}`;
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  // Under node_modules no package.json above says "module": this one does, for the .js files.
  writeFileSync(`${outdir}/package.json`, '{ "type": "module" }\n');
  await bundleServer({ entry: file, outdir });
  return `${outdir}/${name}.js`;
}
