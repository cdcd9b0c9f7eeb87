import { startTracing, type SpanExporter, type Tracing } from '@shop/telemetry';
import { commonConfig } from '../config/common';
import { serviceName } from './service-name';

/**
 * Starts tracing for this process with the configured OTLP endpoint (or a test's exporter);
 * without either it installs nothing and loads no OpenTelemetry SDK. Await it before the cells and
 * the database driver load.
 */
export function startProcessTracing(
  options: { exporter?: SpanExporter; runtime?: 'node' | 'next' } = {},
): Promise<Tracing | undefined> {
  const config = commonConfig();
  return startTracing({
    serviceName: serviceName(),
    runtime: options.runtime ?? 'node',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    ...(options.exporter ? { exporter: options.exporter } : {}),
    attributes: { 'deployment.environment.name': config.NODE_ENV ?? 'development' },
  });
}
