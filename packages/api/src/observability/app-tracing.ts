import { declareServiceName } from './service-name';
import { startProcessTracing } from './tracing';

/**
 * For an app's `instrumentation.ts` (Node.js runtime only): names the app in its log lines and
 * spans and starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. Next.js then makes a span per
 * request continuing the browser's `traceparent`, and the gateway's fetch to a cell carries it on.
 */
export async function startAppTracing(app: 'storefront' | 'admin'): Promise<void> {
  declareServiceName(app);
  await startProcessTracing({ runtime: 'next' });
}
