import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleEntry, cellHostEnvironment, cellHostNodeFlags } from '@shop/api/cell-image';
import { execForm, lastArgs, parseDockerfile, type Stage } from './dockerfile/parse-dockerfile';
import { appPlan, runtimeUid } from './support/capacity-plan';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dockerDirectory = `${repoRoot}infra/docker/`;
/** Node 24 LTS (Node 20 reached end of life on 2026-04-30), pinned by digest. */
const baseImage = /^node:24-bookworm-slim@sha256:[0-9a-f]{64}$/;

const images = {
  cell: { port: 4000 },
  storefront: { port: appPlan.storefront.port },
  admin: { port: appPlan.admin.port },
};

function stagesOf(image: string): Stage[] {
  return parseDockerfile(readFileSync(`${dockerDirectory}${image}.Dockerfile`, 'utf8'));
}

function runtimeStageOf(image: string): Stage {
  const stage = stagesOf(image).at(-1);
  if (!stage) throw new Error(`${image}.Dockerfile has no stage`);
  return stage;
}

describe.each(Object.entries(images))('the %s image', (image, { port }) => {
  const stages = stagesOf(image);
  const runtime = runtimeStageOf(image);

  it('is multi-stage on Node 24 pinned by digest, the runtime stage copying only build output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      // `FROM scratch` only as a copy of a stage built on the pinned image (one flat layer).
      if (stage.from === 'scratch') {
        const flattened = /^--from=(\S+) \/ \/$/.exec(stage.instructions[0]?.args ?? '')?.[1];
        expect(stages.find((each) => each.name === flattened)?.from).toMatch(baseImage);
      } else expect(stage.from).toMatch(baseImage);
    }
    const copies = runtime.instructions.filter((each) => each.keyword === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.args).toMatch(/^--from=[\w-]+ /);
  });

  it('ends as the fixed non-root uid the pods enforce, with nothing run as root after', () => {
    const keywords = runtime.instructions.map((each) => each.keyword);
    const lastUser = keywords.lastIndexOf('USER');
    expect(lastUser).toBeGreaterThan(-1);
    expect(lastArgs(runtime, 'USER')).toBe(`${runtimeUid}:${runtimeUid}`);
    expect(keywords.slice(lastUser)).not.toContain('RUN');
    expect(keywords.slice(lastUser)).not.toContain('COPY');
  });

  it('exposes its port and stops on SIGTERM, which the server drains on', () => {
    expect(lastArgs(runtime, 'EXPOSE')).toBe(String(port));
    expect(lastArgs(runtime, 'ENV')).toMatch(new RegExp(`\\bPORT=${port}\\b`));
    expect(lastArgs(runtime, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it('fetches dependencies from the lockfile before the source arrives, so a source edit reuses that layer', () => {
    const build = stages[0]?.instructions ?? [];
    const fetchAt = build.findIndex(
      (each) => each.keyword === 'RUN' && /pnpm fetch/.test(each.args),
    );
    const sourceAt = build.findIndex(
      (each) => each.keyword === 'COPY' && /^\.\s+\.$/.test(each.args),
    );
    expect(fetchAt).toBeGreaterThan(-1);
    expect(sourceAt).toBeGreaterThan(fetchAt);
    const copiedBeforeFetch = build
      .slice(0, fetchAt)
      .filter((each) => each.keyword === 'COPY')
      .flatMap((each) => each.args.split(/\s+/).slice(0, -1));
    expect(copiedBeforeFetch.sort()).toEqual(['.npmrc', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']);
  });

  it('checks its own health under plain `docker run`', () => {
    expect(lastArgs(runtime, 'HEALTHCHECK')).toMatch(/\/healthz/);
  });

  it('bakes in no secrets', () => {
    for (const { keyword, args } of stages.flatMap((stage) => stage.instructions)) {
      if (keyword === 'ENV' || keyword === 'ARG') {
        expect(args).not.toMatch(/SECRET|PASSWORD|TOKEN|_KEY\b|MONGODB_URI/);
      }
      if (keyword === 'COPY') expect(args).not.toMatch(/\.env\b/);
    }
  });
});

describe('the cell image', () => {
  const stages = stagesOf('cell');
  const runtime = runtimeStageOf('cell');
  const build = stages[0];

  it('installs only @shop/api and its dependencies, then builds the bundle and the files it loads', () => {
    const runs = (build?.instructions ?? []).filter((each) => each.keyword === 'RUN');
    const commands = runs.map((each) => each.args).join('\n');
    expect(commands).toMatch(
      /pnpm install --frozen-lockfile --offline --filter '@shop\/api\.\.\.'/,
    );
    expect(commands).toMatch(/pnpm --filter @shop\/api build:cell-image \/out/);
    const manifest = JSON.parse(readFileSync(`${repoRoot}packages/api/package.json`, 'utf8')) as {
      scripts?: Record<string, string>;
    };
    expect(manifest.scripts?.['build:cell-image']).toMatch(/build\/build-cell-image\.ts/);
  });

  it('runs the bundle with plain node, from a runtime without npm, corepack or yarn', () => {
    // With the Node flags and environment the load benchmarks run the bundle with (packages/api/build).
    expect(execForm(lastArgs(runtime, 'CMD'))).toEqual(['node', ...cellHostNodeFlags, bundleEntry]);
    for (const [name, value] of Object.entries(cellHostEnvironment)) {
      expect(lastArgs(runtime, 'ENV')).toMatch(new RegExp(`\\b${name}=${value}\\b`));
    }
    expect(bundleEntry).toBe('packages/api/dist/cell-host/main.mjs');
    expect(lastArgs(runtime, 'WORKDIR')).toBe('/app');
    const flattened = stages.find((each) => each.name === 'node-only');
    const removals = flattened?.instructions.find((each) => each.keyword === 'RUN')?.args ?? '';
    for (const installer of ['/usr/local/lib/node_modules', '/usr/local/bin/npm', '/opt/yarn-*'])
      expect(removals).toContain(installer);
  });
});

describe.each(Object.keys(appPlan))('the %s image', (app) => {
  const runtime = runtimeStageOf(app);

  it("runs Next's standalone server through the production entry, from the layout the Deployment mounts .next/cache into", () => {
    expect(lastArgs(runtime, 'WORKDIR')).toBe('/app');
    // The entry sets each request's client address, then starts server.js beside it.
    expect(execForm(lastArgs(runtime, 'CMD'))).toEqual(['node', `apps/${app}/server-entry.mjs`]);
    const copies = runtime.instructions.filter((each) => each.keyword === 'COPY');
    const sources = copies.map((each) => each.args.split(/\s+/).slice(1));
    expect(sources).toEqual([
      [`/repo/apps/${app}/.next/standalone`, './'],
      [`/repo/apps/${app}/.next/static`, `./apps/${app}/.next/static`],
      [`/repo/apps/${app}/public`, `./apps/${app}/public`],
      [`/repo/packages/api/src/gateway/app-server-entry.mjs`, `./apps/${app}/server-entry.mjs`],
    ]);
    expect(existsSync(`${repoRoot}packages/api/src/gateway/app-server-entry.mjs`)).toBe(true);
  });

  const nextConfig = `${repoRoot}apps/${app}/next.config.ts`;
  it('is built from an app configured for standalone output traced from the repository root', (context) => {
    if (!existsSync(nextConfig)) context.skip(`apps/${app}/next.config.ts does not exist yet`);
    const config = readFileSync(nextConfig, 'utf8');
    expect(config).toMatch(/output:\s*'standalone'/);
    expect(config).toMatch(/outputFileTracingRoot/);
  });
});

describe('the build context filter', () => {
  const patterns = readFileSync(`${repoRoot}.dockerignore`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('keeps installed, built and secret files out of the images', () => {
    for (const pattern of ['**/node_modules', '**/.next', '**/.env', '**/.env.*', '.git']) {
      expect(patterns).toContain(pattern);
    }
  });

  it('keeps every workspace manifest and the lockfile in', () => {
    const excludesManifests = patterns.some((pattern) =>
      /package\.json|pnpm-|\*\.json/.test(pattern),
    );
    expect(excludesManifests).toBe(false);
  });
});
