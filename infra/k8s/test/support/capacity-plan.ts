import { type Domain } from '@shop/api/client';
import { planDeployment, readCapacityModel } from '../../capacity/capacity-model';

export interface WorkloadPlan {
  /** Container port, Service port and `PORT`. */
  port: number;
  replicas: number;
  /** Both the request and the limit (see infra/k8s/README.md, "Requests and limits"). */
  cpu: string;
  memory: string;
}

/**
 * The capacity model (capacity/model.json, docs/capacity.md) read once: pods, CPU and memory per
 * Deployment come from it, not from here.
 */
export const capacityModel = readCapacityModel();

function planned(name: string, port: number): WorkloadPlan {
  const entry = capacityModel.deployments[name];
  if (!entry) throw new Error(`capacity/model.json does not plan ${name}`);
  const { minReplicas } = planDeployment(capacityModel, name);
  return { port, replicas: minReplicas, cpu: entry.cpu, memory: entry.memory };
}

/**
 * The promises the base keeps: seed ports from DESIGN.md, pods and resources from the capacity
 * model. Typed by `Domain`, so a new cell in @shop/api fails typecheck until it is planned.
 */
export const cellPlan: Record<Domain, WorkloadPlan> = {
  auth: planned('auth', 3001),
  user: planned('user', 3002),
  product: planned('product', 3003),
  order: planned('order', 3004),
  payment: planned('payment', 3005),
  notification: planned('notification', 3006),
  search: planned('search', 3007),
  review: planned('review', 3008),
  analytics: planned('analytics', 3009),
};

/** The storefront is the seed's "API Gateway"; the admin app serves staff. */
export const appPlan = {
  storefront: planned('storefront', 3000),
  admin: planned('admin', 3100),
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

/** Autoscaling per workload: the capacity model's minimum (the replicas) and maximum. */
export const autoscalePlan = Object.fromEntries(
  [...Object.keys(cellPlan), ...Object.keys(appPlan)].map((name) => {
    const { minReplicas, maxReplicas } = planDeployment(capacityModel, name);
    return [name, { min: minReplicas, max: maxReplicas }];
  }),
) as Record<Domain | AppName, { min: number; max: number }>;

/** Sign-ins per second one core serves at bcrypt cost 12 (docs/benchmarks.md, idle VM: 3.2). */
export const signInsPerCoreSecond = 3;
