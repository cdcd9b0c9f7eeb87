import { copyFileSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeFileTrace } from '@vercel/nft';
import { build } from 'esbuild';

/** The repository root: traced paths are relative to it, as the image lays them out. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the bundle sits, relative to the repository root (and to the image's /app). */
export const bundleDirectory = 'packages/api/dist/cell-host';
/** The cell host's entry in the image: `node packages/api/dist/cell-host/main.mjs`. */
export const bundleEntry = `${bundleDirectory}/main.mjs`;
/**
 * Node flags the image starts the host with (the Dockerfile's CMD; dockerfiles.test holds the two
 * together). V8 sizes its young generation from the memory it sees: up to 128 MiB on a 24 GiB
 * machine, where the soak's order host rose 148 -> 249 MiB with its heap in use flat, and a few
 * MiB under a 256Mi container limit (V8's rule from a quarter of the memory; no container runtime
 * here to measure it), where every request would pay more scavenges than anything measured. A fixed 8 MiB semi-space is the same everywhere: the host held 153-159 MiB under carts
 * and orders with no measurable CPU cost (docs/benchmarks.md, "Cell host memory by what it hosts").
 */
export const cellHostNodeFlags = ['--max-semi-space-size=8'] as const;

/**
 * Environment the image sets for the host (the Dockerfile's runtime ENV; dockerfiles.test holds
 * the two together). glibc gives each thread that allocates its own malloc arena, up to eight per
 * core, and keeps what an arena once held: in an hour-long soak the hosts' arenas grew 4 to 12
 * MiB and were still rising. With two (the main one and one for Node's threads) they ended 0 to 5
 * MiB up, at 21-26 MiB, nearly all of it in the first ten minutes (docs/benchmarks.md, "The
 * hour-long soak, quiet, with two malloc arenas").
 */
export const cellHostEnvironment = { MALLOC_ARENA_MAX: '2' } as const;

/**
 * Packages left out of the bundle and shipped as installed files instead:
 * - `bcrypt` loads its native addon from its own folder;
 * - `mongoose`, with the `mongodb` driver it requires from its own folder: OpenTelemetry's MongoDB
 *   instrumentation patches the driver when it is loaded by name (a bundled copy would run
 *   untraced); the driver also requires its optional native extras (kerberos, snappy, zstd...) by
 *   name, present or not; and one mongoose instance must serve @shop/db and the cells;
 * - `pino` starts its transports in worker threads from files it finds by path, which a bundle
 *   does not have;
 * - `sharp` (product images) loads libvips through its platform package (`@img/sharp-linux-x64`)
 *   by a name computed at run time, which only an installed copy resolves;
 * - the MongoDB stand-ins are development fallbacks of `@shop/db`, never started in production
 *   (its config refuses them there): left unresolved, they are not in the image at all.
 */
export const externalPackages = [
  'bcrypt',
  'sharp',
  'mongoose',
  'mongodb',
  'pino',
  '@push.rocks/smartmongo',
  '@push.rocks/smartmongo/*',
  'mongodb-memory-server',
  'mongodb-memory-server-core',
];

export interface CellImageFiles {
  /** Paths relative to the image's /app, bundle and traced dependencies together. */
  files: string[];
  /** Bytes of the regular files among them (symlinks count as nothing, as in a layer). */
  bytes: number;
  /** The bundle's own bytes (all chunks). */
  bundleBytes: number;
}

/**
 * Builds what the cell image runs, into `outDirectory` (the image's /app): the host bundled by
 * esbuild into ESM chunks (one per cell, loaded only by a host that runs that cell), plus exactly
 * the installed files the bundle still loads at run time, as traced by @vercel/nft (the tracer
 * Next.js uses for its standalone output), with pnpm's symlinks kept so Node resolves them as in
 * the repository. No TypeScript, tsx or esbuild at run time, no package the cells never load.
 */
export async function buildCellImageFiles(outDirectory: string): Promise<CellImageFiles> {
  const bundleOut = join(repoRoot, bundleDirectory);
  rmSync(bundleOut, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: join(repoRoot, 'packages/api'),
    entryPoints: { main: 'src/host/main.ts' },
    outdir: bundleOut,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    // Whitespace and syntax only: names stay, so stack traces in the logs still read.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: false,
    legalComments: 'none',
    external: externalPackages,
    // Bundled CommonJS packages (mongoose, stripe...) call `require` for the externals above.
    banner: {
      js: "import { createRequire as shopCreateRequire } from 'node:module'; const require = shopCreateRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
  });
  const bundleFiles = Object.keys(result.metafile.outputs).map((path) =>
    relative(repoRoot, join(repoRoot, 'packages/api', path)),
  );
  const bundleBytes = Object.values(result.metafile.outputs).reduce(
    (total, output) => total + output.bytes,
    0,
  );

  const trace = await nodeFileTrace(
    bundleFiles.map((file) => join(repoRoot, file)),
    { base: repoRoot, processCwd: join(repoRoot, 'packages/api') },
  );
  const files = [...trace.fileList].filter((file) => !file.startsWith('..')).sort();

  rmSync(outDirectory, { recursive: true, force: true });
  let bytes = 0;
  for (const file of files) {
    const from = join(repoRoot, file);
    const to = join(outDirectory, file);
    mkdirSync(dirname(to), { recursive: true });
    const stat = lstatSync(from);
    if (stat.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else if (stat.isFile()) {
      copyFileSync(from, to);
      bytes += stat.size;
    }
  }
  return { files, bytes, bundleBytes };
}
