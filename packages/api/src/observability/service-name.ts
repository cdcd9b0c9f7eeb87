import { commonConfig } from '../config/common';

let name: string | undefined;

/**
 * `service` of this process's log lines and spans: `OTEL_SERVICE_NAME` when set, else what the
 * process declared (`cells:order,payment` for a host, `storefront`), else `shop`.
 */
export function serviceName(): string {
  return commonConfig().OTEL_SERVICE_NAME ?? name ?? 'shop';
}

/** Declared once at start-up by the process's entry point (a host names the cells it serves). */
export function declareServiceName(value: string): void {
  name = value;
}
