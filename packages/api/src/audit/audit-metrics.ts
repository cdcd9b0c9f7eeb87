import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../observability/metrics';

/** Staff changes saved but not audited: any increase is an alert (docs/audit-log.md). */
export const auditWriteFailures = new Counter({
  name: 'shop_audit_write_failures_total',
  help: 'Staff mutations that succeeded but whose audit entry could not be written, by cell',
  labelNames: ['cell'] as const,
  registers: [metricsRegistry],
});

/** The newest seq this process appended per chain: a cheap outside witness of the chain's length. */
export const auditHeadSeq = new Gauge({
  name: 'shop_audit_head_seq',
  help: 'Highest audit entry seq appended by this process, by cell',
  labelNames: ['cell'] as const,
  registers: [metricsRegistry],
});
