import { domains } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { cellPlan, appPlan } from './support/capacity-plan';
import {
  apps,
  callsInCellSource,
  crossWorkloadCalls,
  unrecognisedCalls,
  type Workload,
} from './support/cross-cell-calls';
import { deploymentsIn, nameOf, networkPoliciesIn, statefulSetsIn } from './support/kube-models';
import { allows, type Endpoint } from './support/network-policy-evaluator';
import { overlayNames, renderedOverlay, selfHostedOverlays } from './support/rendered-base';

const workloads: readonly Workload[] = [...domains, ...apps];
const portOf = (workload: Workload) =>
  workload === 'storefront' || workload === 'admin'
    ? appPlan[workload].port
    : cellPlan[workload].port;

const calls = crossWorkloadCalls();
const called = new Set(calls.map((call) => `${call.from}->${call.to}`));

/** Every pod of the rendered overlay that the shop runs itself, by Deployment/StatefulSet name. */
function podsOf(objects: ReturnType<typeof renderedOverlay>): Map<string, Endpoint> {
  const pods = new Map<string, Endpoint>();
  let address = 1;
  for (const workload of [...deploymentsIn(objects), ...statefulSetsIn(objects)]) {
    const template = workload.spec?.template;
    const namedPorts = Object.fromEntries(
      (template?.spec?.containers ?? []).flatMap((container) =>
        (container.ports ?? []).flatMap((port) =>
          port.name ? [[port.name, port.containerPort] as const] : [],
        ),
      ),
    );
    pods.set(nameOf(workload), {
      labels: template?.metadata?.labels ?? {},
      namespace: 'shop',
      namedPorts,
      address: `10.0.0.${address++}`,
    });
  }
  // The Percona operator's mongod pods (it creates them; labels as it sets them).
  if (objects.some((object) => object.kind === 'PerconaServerMongoDB')) {
    pods.set('mongod', {
      labels: {
        'app.kubernetes.io/name': 'percona-server-mongodb',
        'app.kubernetes.io/instance': 'shop-mongodb',
        'app.kubernetes.io/component': 'mongod',
        'app.kubernetes.io/replset': 'rs0',
      },
      namespace: 'shop',
      address: '10.0.1.1',
    });
  }
  return pods;
}

const outside = (namespace: string, labels: Record<string, string> = {}): Endpoint => ({
  labels,
  namespace,
  address: '10.1.0.1',
});
const ingressController = outside('ingress-nginx', {
  'app.kubernetes.io/name': 'ingress-nginx',
});
const prometheus = outside('monitoring', { 'app.kubernetes.io/name': 'prometheus' });
const kubeDns = outside('kube-system', { 'k8s-app': 'kube-dns' });
// Public addresses standing in for api.stripe.com, an SMTP provider and an S3 endpoint.
const internet = { namespace: '', address: '54.187.216.72' } satisfies Endpoint;

describe('the cross-cell calls in the code', () => {
  it('are all of a kind the scanner recognises', () => {
    expect(unrecognisedCalls()).toEqual([]);
  });

  it('include the ones we know of, so the scanner still finds calls', () => {
    for (const pair of ['order->product', 'order->payment', 'order->auth', 'product->storefront']) {
      expect(called, pair).toContain(pair);
    }
    for (const app of apps) expect(called).toContain(`${app}->payment`);
  });

  it('would turn a new call into a pair the policies must allow', () => {
    const found = callsInCellSource(
      'notification',
      'await cellClient().review.forProduct.query({ productId })',
      'example.ts',
    );
    expect(found.map((call) => `${call.from}->${call.to}`)).toEqual(['notification->review']);
    const policies = networkPoliciesIn(renderedOverlay('prod'));
    const pods = podsOf(renderedOverlay('prod'));
    const [from, to] = [pods.get('notification'), pods.get('review')];
    if (!from || !to) throw new Error('no notification or review pods');
    // Not allowed today: adding that call without a policy fails the pair test below.
    expect(allows(policies, from, to, { port: portOf('review') })).toBe(false);
  });
});

describe.each(overlayNames)('network policies of overlay %s', (overlay) => {
  const objects = renderedOverlay(overlay);
  const policies = networkPoliciesIn(objects);
  const pods = podsOf(objects);
  const pod = (name: string) => {
    const found = pods.get(name);
    if (!found) throw new Error(`no pods ${name} in ${overlay}`);
    return found;
  };
  const selfHosted = (selfHostedOverlays as readonly string[]).includes(overlay);

  it('deny everything not allowed, in both directions, for every pod', () => {
    const denyAll = policies.find((policy) => nameOf(policy) === 'default-deny');
    expect(denyAll?.spec?.podSelector).toEqual({});
    expect(denyAll?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(denyAll?.spec?.ingress ?? []).toEqual([]);
    expect(denyAll?.spec?.egress ?? []).toEqual([]);
  });

  it('allow exactly the calls the code makes between workloads, on the callee port', () => {
    for (const from of workloads) {
      for (const to of workloads) {
        if (from === to) continue;
        const allowed = allows(policies, pod(from), pod(to), { port: portOf(to) });
        expect(allowed, `${from} -> ${to}`).toBe(called.has(`${from}->${to}`));
      }
    }
  });

  it('let every pod resolve names, and nothing else reach kube-system', () => {
    for (const [name, each] of pods) {
      expect(allows(policies, each, kubeDns, { port: 53, protocol: 'UDP' }), name).toBe(true);
      expect(allows(policies, each, kubeDns, { port: 443 }), name).toBe(false);
    }
  });

  it('admit the ingress controller to the apps only (and to the cells for Inngest Cloud)', () => {
    for (const app of apps) {
      expect(allows(policies, ingressController, pod(app), { port: portOf(app) })).toBe(true);
    }
    for (const domain of domains) {
      expect(allows(policies, ingressController, pod(domain), { port: portOf(domain) })).toBe(
        !selfHosted,
      );
    }
  });

  it('let Prometheus scrape every cell', () => {
    for (const domain of domains) {
      expect(allows(policies, prometheus, pod(domain), { port: portOf(domain) }), domain).toBe(
        true,
      );
    }
  });

  it("let Prometheus scrape each app's gateway metrics port, not its public port", () => {
    for (const app of apps) {
      expect(allows(policies, prometheus, pod(app), { port: 9464 }), app).toBe(true);
      expect(allows(policies, prometheus, pod(app), { port: portOf(app) }), app).toBe(false);
      expect(allows(policies, ingressController, pod(app), { port: 9464 }), app).toBe(false);
    }
  });

  it('let only the payment cell reach Stripe, and only the notification cell SMTP', () => {
    for (const workload of workloads) {
      const https = allows(policies, pod(workload), internet, { port: 443 });
      // With Inngest Cloud every cell sends events over HTTPS to the internet.
      const expected = workload === 'payment' || (!selfHosted && !apps.includes(workload as never));
      expect(https, `${workload} -> :443`).toBe(expected);
      for (const port of [465, 587]) {
        expect(allows(policies, pod(workload), internet, { port }), `${workload} -> :${port}`).toBe(
          workload === 'notification',
        );
      }
    }
  });

  if (selfHosted) {
    it('let every cell, and nothing else of ours, reach MongoDB', () => {
      for (const workload of [...workloads, 'inngest', 'inngest-postgres', 'inngest-redis']) {
        const expected = (domains as readonly string[]).includes(workload);
        expect(allows(policies, pod(workload), pod('mongod'), { port: 27017 }), workload).toBe(
          expected,
        );
      }
      // The members replicate among themselves; PBM uploads to S3.
      expect(allows(policies, pod('mongod'), pod('mongod'), { port: 27017 })).toBe(true);
      expect(allows(policies, pod('mongod'), internet, { port: 443 })).toBe(true);
    });

    it("let cells and Inngest reach each other (events; the cells' serve endpoints)", () => {
      for (const workload of workloads) {
        const isCell = (domains as readonly string[]).includes(workload);
        expect(allows(policies, pod(workload), pod('inngest'), { port: 8288 }), workload).toBe(
          isCell,
        );
        expect(
          allows(policies, pod('inngest'), pod(workload), { port: portOf(workload) }),
          workload,
        ).toBe(isCell);
      }
    });

    it("keep Inngest's Postgres and Redis to Inngest alone", () => {
      for (const [store, port] of [
        ['inngest-postgres', 5432],
        ['inngest-redis', 6379],
      ] as const) {
        expect(allows(policies, pod('inngest'), pod(store), { port })).toBe(true);
        for (const workload of workloads) {
          expect(allows(policies, pod(workload), pod(store), { port }), workload).toBe(false);
        }
        expect(allows(policies, pod(store), internet, { port: 443 })).toBe(false);
      }
    });
  }
});
