import { createRequire } from 'node:module';
// Types only (erased): the module itself is imported in loadCongo, where a failure can be explained.
import type * as congoTypes from '@push.rocks/smartmongo/dist_ts/congodb/index.js';
import { withPrefilter, type StandInFilter } from './congo-query-prefilter';

/**
 * The in-memory stand-in comes from a deep import of @push.rocks/smartmongo
 * (`dist_ts/congodb/index.js`), which is not a public entry point and may change in any release.
 * The version it was written and tested against is pinned exactly in pnpm-workspace.yaml's
 * catalog; at start the exports used here are checked, so an upgrade fails with this message
 * instead of a TypeError deep inside a test run.
 */
export const pinnedSmartmongoVersion = '2.2.0';
const deepImport = '@push.rocks/smartmongo/dist_ts/congodb/index.js';

type CongoModule = typeof congoTypes;

export interface LoadedCongo {
  CongoServer: CongoModule['CongoServer'];
  EJSON: CongoModule['plugins']['bson']['EJSON'];
}

let loaded: LoadedCongo | undefined;

function installedSmartmongoVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('@push.rocks/smartmongo/package.json') as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function unusable(what: string): Error {
  return new Error(
    `The in-memory MongoDB stand-in needs ${what} from ${deepImport}, which the installed ` +
      `@push.rocks/smartmongo ${installedSmartmongoVersion()} lacks. It was written against ` +
      `${pinnedSmartmongoVersion} (pinned in pnpm-workspace.yaml's catalog): install that version, ` +
      'or adapt packages/db/src/mongo (start-congo.ts, congo-snapshot.ts) and run its tests.',
  );
}

/**
 * Imports the stand-in, checks the exports it needs (CongoServer, plugins.bson.EJSON,
 * QueryEngine.filter) and puts the cheap equality tests in front of its query interpreter.
 */
export async function loadCongo(): Promise<LoadedCongo> {
  if (loaded) return loaded;
  let module: Partial<CongoModule>;
  try {
    module = await import('@push.rocks/smartmongo/dist_ts/congodb/index.js');
  } catch (error) {
    throw Object.assign(unusable(`the module itself (${(error as Error).message})`), {
      cause: error,
    });
  }
  loaded = checkCongoModule(module);
  prefilterQueries(module as CongoModule);
  return loaded;
}

/**
 * The exports the stand-in's code uses, or an error naming the missing one and both versions.
 * Exported so a test can show what an upgrade that moved them would report.
 */
export function checkCongoModule(module: Partial<CongoModule>): LoadedCongo {
  if (typeof module.CongoServer !== 'function') throw unusable('the `CongoServer` export');
  const ejson = module.plugins?.bson?.EJSON;
  if (typeof ejson?.parse !== 'function' || typeof ejson.stringify !== 'function')
    throw unusable('the `plugins.bson.EJSON` export');
  if (typeof module.QueryEngine?.filter !== 'function')
    throw unusable('the `QueryEngine.filter` export');
  return { CongoServer: module.CongoServer, EJSON: ejson };
}

/** Queries skip the documents their plain equalities rule out (congo-query-prefilter.ts). */
function prefilterQueries(module: CongoModule): void {
  const engine = module.QueryEngine;
  const filter = engine.filter.bind(engine) as StandInFilter;
  engine.filter = withPrefilter(filter) as typeof engine.filter;
}

/** The stand-in loaded by loadCongo() (startCongo calls it before anything else). */
export function loadedCongo(): LoadedCongo {
  if (!loaded) throw new Error('loadCongo() has not run yet');
  return loaded;
}
