import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * A server file bundled the way `build.mjs` bundles Kring for production (workspace packages
 * inlined, npm packages loaded from node_modules), so it starts with plain `node`. Under tsx every
 * module goes through its loader first: a Kring process took ~1.4 s of CPU to listen, almost all of
 * it in module loading, against ~0.5 s for a baseline; a benchmark that restarts servers would
 * mostly time tsx. Built once per driver.
 */

// Inside node_modules so that the bundle's npm imports resolve as the source's do.
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
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
    (name) => !name.startsWith('@kring/'),
  );
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = `${OUT_DIR}${basename(file).replace(/\.ts$/, '')}.mjs`;
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
    logLevel: 'warning',
  });
  return outfile;
}
