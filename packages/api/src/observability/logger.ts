import pino from 'pino';
import { commonConfig } from '../config/common';

/**
 * The process's structured JSON logger. Successful requests log at debug so production (info)
 * stays quiet and cheap; errors log at warn/error.
 */
export const rootLogger = pino({
  level: commonConfig().LOG_LEVEL,
  base: { pid: process.pid },
});
