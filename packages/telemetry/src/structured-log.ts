import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { prettyLogLine } from './pretty-log-line';
import { redactPaths } from './sensitive-keys';
import { activeTraceFields } from './trace-fields';

/** Keys a line carries at its top level; every other field of a log call goes under `metadata`. */
const topLevelKeys = new Set(['service', 'traceId', 'spanId', 'userId', 'requestId']);

export interface StructuredLogOptions {
  /** `service` of every line: the cells a host serves, `storefront`, `inngest-local`. */
  service: string | (() => string);
  level?: string;
  /** `pretty` for a developer's terminal; JSON otherwise (production, tests, Promtail). */
  format?: 'json' | 'pretty';
  /** Who made the current request, when the process knows it (a verified access token). */
  userId?: () => string | undefined;
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
}

/**
 * The platform's log line (the seed's structure):
 * `{"level":"INFO","timestamp":"2026-…Z","service":"order","traceId":"…","spanId":"…",
 * "userId":"…","requestId":"…","metadata":{…},"message":"order placed"}`.
 * Sensitive fields are censored by pino's redact (sensitive-keys.ts).
 */
export function structuredLogOptions(options: StructuredLogOptions): LoggerOptions {
  const service = options.service;
  const userIdOf = options.userId;
  return {
    level: options.level ?? 'info',
    base: undefined,
    messageKey: 'message',
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ level: label.toUpperCase() }),
      log: (object) => {
        const line: Record<string, unknown> = {};
        const metadata: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(object)) {
          if (value === undefined) continue;
          if (topLevelKeys.has(key)) line[key] = value;
          else if (key === 'err') metadata.err = pino.stdSerializers.err(value as Error);
          else metadata[key] = value;
        }
        if (Object.keys(metadata).length > 0) line.metadata = metadata;
        return line;
      },
    },
    mixin: () => {
      const userId = userIdOf?.();
      return {
        service: typeof service === 'function' ? service() : service,
        ...activeTraceFields(),
        ...(userId ? { userId } : {}),
      };
    },
    redact: { paths: redactPaths(), censor: '[redacted]' },
  };
}

/** A logger with the platform's structure, pretty-printed when `format` is `pretty`. */
export function createStructuredLogger(options: StructuredLogOptions): Logger {
  const loggerOptions = structuredLogOptions(options);
  if (options.destination) return pino(loggerOptions, options.destination);
  if (options.format === 'pretty') {
    // Turbo's panes and a terminal are TTYs; a pipe (a file, `| less`) gets no escape codes.
    const colour = process.stdout.isTTY;
    return pino(loggerOptions, {
      write: (line: string) => process.stdout.write(prettyLogLine(line, colour)),
    });
  }
  return pino(loggerOptions);
}

/** Pretty in development (`NODE_ENV=development`) unless `LOG_FORMAT` says otherwise. */
export function logFormatFrom(env: {
  LOG_FORMAT?: string | undefined;
  NODE_ENV?: string | undefined;
}): 'json' | 'pretty' {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return env.NODE_ENV === 'development' ? 'pretty' : 'json';
}
