import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Domain, domains } from '@shop/api/client';

/**
 * Who calls whom, read from the source: the calls the network policies must allow, and nothing
 * else. A new kind of cross-cell call the scanner does not recognise fails `unrecognisedCalls`
 * rather than slipping past it.
 */

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const apiSource = join(repository, 'packages/api/src');

export type Workload = Domain | 'storefront' | 'admin';
export const apps = ['storefront', 'admin'] as const;

export interface Call {
  from: Workload;
  to: Workload;
  /** Where the scanner saw it (file, or the rule that implies it). */
  because: string;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs)$/.test(entry.name))
    .filter((entry) => !/\.(test|spec)\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const isDomain = (name: string): name is Domain => (domains as readonly string[]).includes(name);

/** `cellClient().product.x`, `serviceCellClient().payment.x`, `const p = serviceCellClient().product`. */
const typedClientCall = /\b(?:serviceCellClient|cellClient)\(\s*[^)]*\)\s*\.\s*(\w+)/g;

/** The calls one piece of a cell's source makes (exported for the scanner's own test). */
export function callsInCellSource(from: Domain, text: string, file: string): Call[] {
  const calls: Call[] = [];
  for (const match of text.matchAll(typedClientCall)) {
    const to = match[1] ?? '';
    if (isDomain(to) && to !== from) calls.push({ from, to, because: file });
  }
  // A saga step's client first exchanges SERVICE_TOKEN_SECRET at the auth cell.
  if (/\bserviceCellClient\(/.test(text) && from !== 'auth') {
    calls.push({ from, to: 'auth', because: `${file} (service token)` });
  }
  // The product cell expires the storefront's cached pages.
  if (/\bSTOREFRONT_INTERNAL_URL\b/.test(text)) {
    calls.push({ from, to: 'storefront', because: file });
  }
  return calls;
}

/** Ways of reaching another cell the scanner does not model; finding one fails the test. */
const unmodelled = [/\bcreateCellClient\(/, /\bcellUrlFor\(/, /_CELL_URL\b/, /\bcallCell\(/];

export function unrecognisedCalls(): string[] {
  return domains.flatMap((domain) =>
    sourceFiles(join(apiSource, 'cells', domain)).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return unmodelled
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${relative(repository, file)}: ${String(pattern)}`);
    }),
  );
}

function cellCalls(): Call[] {
  const calls = domains.flatMap((domain) =>
    sourceFiles(join(apiSource, 'cells', domain)).flatMap((file) =>
      callsInCellSource(domain, readFileSync(file, 'utf8'), relative(repository, file)),
    ),
  );
  // Every cell host verifies access tokens against the auth cell's published keys and revocation
  // list (remoteAuthKeySet) unless it hosts the auth cell itself.
  const host = join(apiSource, 'host/create-cell-host.ts');
  if (/\bremoteAuthKeySet\(/.test(readFileSync(host, 'utf8'))) {
    for (const domain of domains) {
      if (domain !== 'auth') {
        calls.push({ from: domain, to: 'auth', because: `${relative(repository, host)} (JWKS)` });
      }
    }
  }
  return calls;
}

const cellsClientCall = /\bcells\(\)\s*\.\s*(\w+)/g;
const cellUrlCall = /cellUrlsFromEnv\([^)]*\)\(\s*'(\w+)'\s*\)/g;

function appCalls(): Call[] {
  return apps.flatMap((app) =>
    sourceFiles(join(repository, 'apps', app, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const because = relative(repository, file);
      // The gateway forwards the browser's calls to whichever cell the path names.
      if (/\bgatewayRouteHandlers\(/.test(text)) {
        return domains.map((to): Call => ({ from: app, to, because: `${because} (gateway)` }));
      }
      return [...text.matchAll(cellsClientCall), ...text.matchAll(cellUrlCall)]
        .map((match) => match[1] ?? '')
        .filter(isDomain)
        .map((to): Call => ({ from: app, to, because }));
    }),
  );
}

/** Every caller -> callee pair the code makes, each once. */
export function crossWorkloadCalls(): Call[] {
  const unique = new Map<string, Call>();
  for (const call of [...cellCalls(), ...appCalls()]) {
    const key = `${call.from}->${call.to}`;
    if (!unique.has(key)) unique.set(key, call);
  }
  return [...unique.values()];
}
