import { dbConfig } from '../config';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type Logger } from 'pino';

export type MongodBinaryLookup = { found: true; path: string } | { found: false; reason: string };

/** How long we wait to learn whether the mongod download server answers at all. */
const DOWNLOAD_PROBE_TIMEOUT_MS = 1500;

/**
 * Finds a mongod that mongodb-memory-server can start, without ever hanging on a download that
 * cannot succeed. Order: `MONGOMS_SYSTEM_BINARY` or an already downloaded binary (a few ms of
 * file checks), then a download, but only if the download server answers within 1.5 s.
 * mongodb-memory-server itself would try the download with no such limit.
 */
export async function findMongodBinary(logger: Logger): Promise<MongodBinaryLookup> {
  const { DryMongoBinary, MongoBinary } = await import('mongodb-memory-server');
  try {
    const options = await DryMongoBinary.generateOptions();
    const located = await DryMongoBinary.locateBinary(options);
    if (located) return { found: true, path: located };
  } catch (error) {
    // Thrown when MONGOMS_SYSTEM_BINARY points at nothing usable.
    return { found: false, reason: `MONGOMS_SYSTEM_BINARY is unusable: ${errorMessage(error)}` };
  }

  if (isFalse(dbConfig().MONGOMS_RUNTIME_DOWNLOAD)) {
    return { found: false, reason: 'no cached mongod and MONGOMS_RUNTIME_DOWNLOAD=false' };
  }
  const probe = await probeDownloadServer();
  if (!probe.reachable) {
    return { found: false, reason: `no cached mongod and ${probe.reason}` };
  }

  logger.info({ from: probe.origin }, 'downloading mongod once (cached for later runs)');
  try {
    return { found: true, path: await MongoBinary.getPath() };
  } catch (error) {
    return { found: false, reason: `mongod download failed: ${errorMessage(error)}` };
  }
}

type ProbeResult = { reachable: true; origin: string } | { reachable: false; reason: string };

/**
 * Any HTTP answer from the download origin counts as reachable. Behind a proxy we cannot probe
 * cheaply, so we let mongodb-memory-server (which honours the proxy variables) try.
 */
async function probeDownloadServer(): Promise<ProbeResult> {
  const origin = downloadOrigin();
  if (dbConfig().HTTPS_PROXY || dbConfig().https_proxy || dbConfig().ALL_PROXY) {
    return { reachable: true, origin };
  }
  const request = origin.startsWith('http:') ? httpRequest : httpsRequest;
  return new Promise((resolve) => {
    const req = request(origin, { method: 'HEAD', timeout: DOWNLOAD_PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve({ reachable: true, origin });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({
        reachable: false,
        reason: `${origin} did not answer within ${DOWNLOAD_PROBE_TIMEOUT_MS} ms`,
      });
    });
    req.on('error', (error) => {
      resolve({ reachable: false, reason: `${origin} is unreachable (${errorMessage(error)})` });
    });
    req.end();
  });
}

/** The same variables mongodb-memory-server reads to choose where it downloads from. */
function downloadOrigin(): string {
  const explicit = dbConfig().MONGOMS_DOWNLOAD_URL ?? dbConfig().MONGOMS_DOWNLOAD_MIRROR;
  try {
    return new URL(explicit ?? 'https://fastdl.mongodb.org').origin;
  } catch {
    return 'https://fastdl.mongodb.org';
  }
}

function isFalse(value: string | undefined): boolean {
  return value !== undefined && ['false', '0', 'no', 'off'].includes(value.toLowerCase());
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
