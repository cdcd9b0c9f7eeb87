/**
 * Next.js calls register() once when a server starts, before it serves a request. The check runs
 * on the Node.js server only, and is imported only there, so the edge bundle Next also builds from
 * this file never holds the Node-only config code (process.exit).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { checkAdminEnvAtStart } = await import('./env');
  checkAdminEnvAtStart();
  // Log lines name the app; spans go to OTEL_EXPORTER_OTLP_ENDPOINT when it is set.
  const { startAppTracing } = await import('@shop/api/observability');
  await startAppTracing('admin');
  // The gateway's /metrics on its own port (GATEWAY_METRICS_PORT; unset: none).
  const { startGatewayMetricsFromEnv } = await import('@shop/api/gateway-metrics-server');
  await startGatewayMetricsFromEnv();
}
