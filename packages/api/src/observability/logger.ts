import pino from 'pino';

/**
 * The process's structured JSON logger. Successful requests log at debug so production (info)
 * stays quiet and cheap; errors log at warn/error.
 */
export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { pid: process.pid },
});
