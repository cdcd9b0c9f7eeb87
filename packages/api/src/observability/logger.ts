import { createStructuredLogger, logFormatFrom } from '@shop/telemetry';
import { commonConfig } from '../config/common';
import { currentRequestScope } from './request-context';
import { serviceName } from './service-name';

const config = commonConfig();

/**
 * The process's logger, in the seed's structure (ISO timestamp, level name, service, traceId and
 * spanId, userId where known, message, metadata); sensitive fields are redacted
 * (@shop/telemetry's sensitive-keys.ts). JSON in production and tests, readable in development
 * (`LOG_FORMAT`). Successful requests log at debug so production (info) stays quiet and cheap;
 * errors log at warn/error.
 */
export const rootLogger = createStructuredLogger({
  service: serviceName,
  level: config.LOG_LEVEL,
  format: logFormatFrom(config),
  userId: () => currentRequestScope()?.userId,
});
