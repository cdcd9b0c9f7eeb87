import { type Domain } from '@shop/api/client';

export interface WorkloadPlan {
  /** Container port, Service port and `PORT`. */
  port: number;
  replicas: number;
  /** Both the request and the limit (see infra/k8s/README.md, "Requests and limits"). */
  cpu: string;
  memory: string;
}

/**
 * The promises the base keeps: seed ports from DESIGN.md and the "Capacity Planning" table of the
 * system design. Typed by `Domain`, so a new cell in @shop/api fails typecheck until it is planned.
 */
export const cellPlan: Record<Domain, WorkloadPlan> = {
  // One core per pod, not the table's 250m: bcrypt at cost 12 signs in about 3 shoppers per second
  // per core (docs/benchmarks.md); README, "How auth meets 200 RPS".
  auth: { port: 3001, replicas: 2, cpu: '1', memory: '256Mi' },
  user: { port: 3002, replicas: 2, cpu: '250m', memory: '256Mi' },
  product: { port: 3003, replicas: 3, cpu: '500m', memory: '512Mi' },
  order: { port: 3004, replicas: 2, cpu: '500m', memory: '512Mi' },
  payment: { port: 3005, replicas: 2, cpu: '500m', memory: '512Mi' },
  // "Others: 1-2 x 250m/256Mi": asynchronous cells get one replica, shopper-facing ones two.
  notification: { port: 3006, replicas: 1, cpu: '250m', memory: '256Mi' },
  search: { port: 3007, replicas: 2, cpu: '250m', memory: '256Mi' },
  review: { port: 3008, replicas: 2, cpu: '250m', memory: '256Mi' },
  analytics: { port: 3009, replicas: 1, cpu: '250m', memory: '256Mi' },
};

/** The "API Gateway" row is the storefront; the admin app is sized down (see the README). */
export const appPlan = {
  storefront: { port: 3000, replicas: 3, cpu: '500m', memory: '512Mi' },
  admin: { port: 3100, replicas: 1, cpu: '250m', memory: '512Mi' },
} satisfies Record<string, WorkloadPlan>;

export type AppName = keyof typeof appPlan;

/** The Secret the operator creates; the base references it and never contains it. */
export const secretName = 'shop-secrets';

/** Read only while the Inngest signing key rotates; the one key a pod starts without. */
export const optionalSecretKeys = ['INNGEST_SIGNING_KEY_FALLBACK'] as const;

/** What every cell reads: its database user, Inngest's keys and the internal credentials. */
const cellKeys = [
  'MONGODB_URI',
  'INNGEST_EVENT_KEY',
  'INNGEST_SIGNING_KEY',
  'INNGEST_SIGNING_KEY_FALLBACK',
  'CELL_SERVICE_TOKEN',
  'METRICS_TOKEN',
] as const;

/** Every key the base reads from that Secret, and who reads it. */
export const secretKeysByWorkload = {
  // Every workload holds the internal credential cells require on procedures and /metrics.
  cell: cellKeys,
  payment: [...cellKeys, 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PUBLISHABLE_KEY'],
  // The auth cell checks, and the order saga and review cell present, the secret behind service tokens.
  auth: [...cellKeys, 'SERVICE_TOKEN_SECRET'],
  order: [...cellKeys, 'SERVICE_TOKEN_SECRET'],
  // The review cell's checks and rating summaries call other cells with service tokens;
  // MAIL_LINK_SECRET signs and checks its review request links.
  review: [...cellKeys, 'SERVICE_TOKEN_SECRET', 'MAIL_LINK_SECRET'],
  // The product cell expires the storefront's cached pages with a shared secret.
  product: [...cellKeys, 'REVALIDATE_SECRET'],
  // The notification cell's SMTP_URL carries the mail provider's credentials; MAIL_LINK_SECRET
  // signs the unsubscribe and confirmation links in its emails.
  notification: [...cellKeys, 'SMTP_URL', 'MAIL_LINK_SECRET'],
  // The apps' gateways serve /metrics to Prometheus's METRICS_TOKEN.
  app: ['NEXTAUTH_SECRET', 'CELL_SERVICE_TOKEN', 'METRICS_TOKEN'],
  storefront: ['NEXTAUTH_SECRET', 'CELL_SERVICE_TOKEN', 'METRICS_TOKEN', 'REVALIDATE_SECRET'],
} as const;

/**
 * The Secret key a variable is read from: its own name, except each cell's MONGODB_URI, which is
 * that cell's own database user (`MONGODB_URI_<CELL>`, least privilege).
 */
export function secretKeyOf(workload: string, variable: string): string {
  return variable === 'MONGODB_URI' ? `MONGODB_URI_${workload.toUpperCase()}` : variable;
}

/** The uid/gid the images run as and the pods enforce. */
export const runtimeUid = 10001;

/**
 * Autoscaling per workload: min is the planned replicas, max from the system design's scaling
 * strategy for that service ("Auth Service: 2-5", ...), within its thresholds' 1-10.
 */
export const autoscalePlan: Record<Domain | AppName, { min: number; max: number }> = {
  storefront: { min: 3, max: 10 }, // API Gateway 3-10
  admin: { min: 1, max: 3 },
  auth: { min: 2, max: 10 }, // 2-5 in the design; 10 for sign-in bursts at bcrypt cost 12
  user: { min: 2, max: 4 },
  product: { min: 3, max: 10 },
  order: { min: 2, max: 8 },
  payment: { min: 2, max: 6 },
  notification: { min: 1, max: 4 },
  search: { min: 2, max: 6 },
  review: { min: 2, max: 3 },
  analytics: { min: 1, max: 3 },
};

/** Sign-ins per second one core serves at bcrypt cost 12 (docs/benchmarks.md, idle VM: 3.2). */
export const signInsPerCoreSecond = 3;
