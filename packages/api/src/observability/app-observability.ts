// What an app's server code uses of the platform's observability (`@shop/api/observability`).
export { startAppTracing } from './app-tracing';
export { rootLogger } from './logger';
export { createStructuredLogger } from '@shop/telemetry';
