import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domains } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { type KubeObject } from './kustomize/kube-object';
import { cellPlan } from './support/capacity-plan';
import { literalEnv, secretRefs } from './support/env';
import {
  configMapsIn,
  containerOf,
  deploymentsIn,
  ingressesIn,
  nameOf,
  statefulSetsIn,
} from './support/kube-models';
import {
  argocdDirectory,
  clusterDirectory,
  overlayNames,
  renderedBase,
  renderedDirectory,
  renderedOverlay,
  selfHostedOverlays,
} from './support/rendered-base';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const ourImages = ['cell', 'storefront', 'admin'];

/** The store entries' properties the README tells the operator to create (README, "Secrets"). */
const storeKeys: Record<string, readonly string[]> = {
  'shop/app': [
    'INNGEST_EVENT_KEY',
    'INNGEST_SIGNING_KEY',
    'INNGEST_SIGNING_KEY_FALLBACK',
    'NEXTAUTH_SECRET',
    'REVALIDATE_SECRET',
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'STRIPE_PUBLISHABLE_KEY',
    'SERVICE_TOKEN_SECRET',
    'SMTP_URL',
    'MAIL_LINK_SECRET',
    'CELL_SERVICE_TOKEN',
    'METRICS_TOKEN',
  ],
  'shop/mongodb-users': [
    ...domains.map((domain) => `MONGODB_PASSWORD_${domain.toUpperCase()}`),
    'ATLAS_HOST',
  ],
  'shop/inngest': ['POSTGRES_PASSWORD', 'REDIS_PASSWORD'],
};

interface ExternalSecretSpec {
  target: { name: string; template?: { data?: Record<string, string> } };
  dataFrom?: { extract: { key: string } }[];
  data?: { secretKey: string; remoteRef: { key: string; property: string } }[];
}

/** Every key each Secret will hold, from the ExternalSecrets that produce it. */
function producedSecretKeys(objects: KubeObject[]): Map<string, Set<string>> {
  const produced = new Map<string, Set<string>>();
  for (const object of objects.filter((each) => each.kind === 'ExternalSecret')) {
    const spec = object.spec as ExternalSecretSpec;
    const keys = produced.get(spec.target.name) ?? new Set<string>();
    for (const { extract } of spec.dataFrom ?? []) {
      for (const key of storeKeys[extract.key] ?? []) keys.add(key);
    }
    for (const { secretKey } of spec.data ?? []) keys.add(secretKey);
    for (const key of Object.keys(spec.target.template?.data ?? {})) keys.add(key);
    produced.set(spec.target.name, keys);
  }
  return produced;
}

function workloadsOf(objects: KubeObject[]) {
  return [...deploymentsIn(objects), ...statefulSetsIn(objects)];
}

describe('the base', () => {
  it('names only placeholder images, which every overlay replaces', () => {
    for (const deployment of deploymentsIn(renderedBase())) {
      expect(containerOf(deployment).image).toMatch(/^shop\/(cell|storefront|admin):0\.0\.0$/);
    }
  });

  it('holds no Secret, ExternalSecret, Ingress, host or database', () => {
    const kinds = new Set(renderedBase().map((object) => object.kind));
    for (const kind of ['Secret', 'ExternalSecret', 'Ingress', 'PerconaServerMongoDB']) {
      expect(kinds.has(kind), kind).toBe(false);
    }
  });
});

describe.each(overlayNames)('overlay %s', (overlay) => {
  const objects = renderedOverlay(overlay);
  const config = (configMapsIn(objects)[0]?.data ?? {}) as Record<string, string>;
  const selfHosted = (selfHostedOverlays as readonly string[]).includes(overlay);
  const ingresses = ingressesIn(objects);
  const hostOf = (name: string) =>
    ingresses.find((each) => nameOf(each) === name)?.spec?.rules?.[0]?.host;

  it('pulls our images from one registry at a release tag, never a bare shop/ name', () => {
    const images = workloadsOf(objects).flatMap((workload) =>
      (workload.spec?.template.spec?.containers ?? []).map((container) => container.image ?? ''),
    );
    const ours = images.filter((image) =>
      ourImages.some((name) => image.includes(`/shop/${name}:`) || image.startsWith(`shop/`)),
    );
    expect(ours.length).toBeGreaterThanOrEqual(11);
    const registries = new Set(ours.map((image) => image.replace(/\/shop\/[\w-]+:.*$/, '')));
    expect(registries.size).toBe(1);
    for (const image of ours) {
      expect(image).toMatch(/^[\w.-]+(:\d+)?\/[\w./-]*shop\/(cell|storefront|admin):[\w.-]+$/);
      expect(image).not.toMatch(/:(0\.0\.0|latest)$/);
    }
    for (const image of images) {
      expect(image, image).not.toMatch(/^shop\//);
      expect(image, image).toMatch(/:[\w.-]+$/);
      expect(image, image).not.toMatch(/:latest$/);
    }
  });

  it('creates no Secret: every key the pods read is produced by an ExternalSecret', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    const produced = producedSecretKeys(objects);
    for (const workload of workloadsOf(objects)) {
      for (const container of workload.spec?.template.spec?.containers ?? []) {
        for (const ref of Object.values(secretRefs(container))) {
          const [secret = '', key = ''] = ref.split('/');
          expect(produced.get(secret)?.has(key), `${nameOf(workload)} reads ${ref}`).toBe(true);
        }
      }
    }
  });

  it('applies the namespace and every ExternalSecret first (README step 2.6; ArgoCD wave -1)', () => {
    const first = objects.filter(
      (object) => object.metadata.labels?.['shop.example.com/apply-phase'] === 'prerequisites',
    );
    const externalSecrets = objects.filter((object) => object.kind === 'ExternalSecret');
    expect(first.map((object) => object.kind).sort()).toEqual(
      ['Namespace', ...externalSecrets.map(() => 'ExternalSecret')].sort(),
    );
    for (const externalSecret of externalSecrets) {
      expect(externalSecret.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBe('-1');
    }
  });

  it('serves the storefront and admin on their own hosts over TLS from cert-manager', () => {
    const storefront = hostOf('storefront');
    const admin = hostOf('admin');
    expect(storefront).toBeTruthy();
    expect(admin).toBeTruthy();
    expect(storefront).not.toBe(admin);
    const certificates = objects.filter((object) => object.kind === 'Certificate');
    const issuers = renderedDirectory(clusterDirectory).filter(
      (object) => object.kind === 'ClusterIssuer',
    );
    for (const ingress of ingresses) {
      expect(ingress.spec?.ingressClassName).toBe('nginx');
      for (const tls of ingress.spec?.tls ?? []) {
        const certificate = certificates.find(
          (each) => (each.spec as { secretName: string }).secretName === tls.secretName,
        );
        const spec = certificate?.spec as {
          dnsNames: string[];
          issuerRef: { kind: string; name: string };
        };
        expect(spec.dnsNames).toEqual(tls.hosts);
        expect(spec.issuerRef.kind).toBe('ClusterIssuer');
        expect(issuers.map((issuer) => issuer.metadata.name)).toContain(spec.issuerRef.name);
      }
      for (const rule of ingress.spec?.rules ?? []) {
        expect(ingress.spec?.tls?.some((tls) => tls.hosts?.includes(rule.host ?? ''))).toBe(true);
      }
    }
  });

  it('limits request size and rate at the edge, and can restrict the admin by source range', () => {
    for (const ingress of ingresses) {
      const annotations = ingress.metadata?.annotations ?? {};
      expect(annotations['nginx.ingress.kubernetes.io/proxy-body-size'], nameOf(ingress)).toMatch(
        /^\d+[km]$/,
      );
      if (nameOf(ingress) !== 'inngest-cloud') {
        expect(Number(annotations['nginx.ingress.kubernetes.io/limit-rps'])).toBeGreaterThan(0);
      }
    }
    const admin = ingresses.find((each) => nameOf(each) === 'admin');
    expect(
      admin?.metadata?.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range'],
    ).toMatch(/^[\d./,]+$/);
  });

  it("routes Stripe's webhooks to the storefront route that exists in the code", () => {
    const route = 'apps/storefront/src/app/api/webhooks/stripe/route.ts';
    expect(existsSync(`${repository}${route}`)).toBe(true);
    const webhook = ingresses.find((each) => nameOf(each) === 'stripe-webhooks');
    const path = webhook?.spec?.rules?.[0]?.http?.paths[0];
    expect(webhook?.spec?.rules?.[0]?.host).toBe(hostOf('storefront'));
    expect(path?.path).toBe('/api/webhooks/stripe');
    expect(path?.backend.service?.name).toBe('storefront');
  });

  it("tells the apps their public URLs and trusts exactly the ingress's one hop", () => {
    for (const app of ['storefront', 'admin']) {
      const deployment = deploymentsIn(objects).find((each) => nameOf(each) === app);
      if (!deployment) throw new Error(`no ${app}`);
      const container = containerOf(deployment);
      expect(literalEnv(container, 'NEXTAUTH_URL')).toBe(`https://${hostOf(app) ?? ''}`);
      expect(literalEnv(container, 'TRUSTED_PROXY_HOPS')).toBe('1');
    }
    expect(config.STOREFRONT_PUBLIC_URL).toBe(`https://${hostOf('storefront') ?? ''}`);
  });

  it('takes test payments only in dev (a ConfigMap feature flag)', () => {
    expect(config.PAYMENTS_TEST_MODE).toBe(overlay === 'dev' ? '1' : undefined);
  });

  if (selfHosted) {
    it('runs Inngest in the cluster, registers every cell and keeps it internal', () => {
      expect(config.INNGEST_BASE_URL).toBe('http://inngest:8288');
      const inngest = deploymentsIn(objects).find((each) => nameOf(each) === 'inngest');
      if (!inngest) throw new Error('no inngest Deployment');
      const container = containerOf(inngest);
      expect(container.command).toEqual(['inngest', 'start']);
      const urls = (container.args ?? []).filter((arg) => arg.startsWith('--sdk-url='));
      expect(urls.sort()).toEqual(
        domains
          .map(
            (domain) => `--sdk-url=http://${domain}:${cellPlan[domain].port}/api/inngest/${domain}`,
          )
          .sort(),
      );
      expect(secretRefs(container)).toMatchObject({
        INNGEST_EVENT_KEY: 'shop-secrets/INNGEST_EVENT_KEY',
        INNGEST_SIGNING_KEY: 'shop-secrets/INNGEST_SIGNING_KEY',
        INNGEST_POSTGRES_URI: 'inngest-secrets/INNGEST_POSTGRES_URI',
        INNGEST_REDIS_URI: 'inngest-secrets/INNGEST_REDIS_URI',
      });
      const service = objects.find(
        (object) => object.kind === 'Service' && object.metadata.name === 'inngest',
      );
      expect((service?.spec as { type?: string }).type ?? 'ClusterIP').toBe('ClusterIP');
      for (const ingress of ingresses) {
        for (const path of ingress.spec?.rules?.flatMap((rule) => rule.http?.paths ?? []) ?? []) {
          expect(path.backend.service?.name).not.toMatch(/^inngest/);
        }
      }
      // The path the cells serve their functions on, as the host defines it.
      const endpoints = readFileSync(
        `${repository}packages/api/src/host/inngest-endpoints.ts`,
        'utf8',
      );
      expect(endpoints).toContain("inngestPathPrefix = '/api/inngest/'");
    });
  } else {
    it('uses Inngest Cloud: no engine, every cell reachable at its public serve URL', () => {
      expect(config.INNGEST_BASE_URL).toBeUndefined();
      expect(deploymentsIn(objects).map(nameOf)).not.toContain('inngest');
      const route = ingresses.find((each) => nameOf(each) === 'inngest-cloud');
      const host = route?.spec?.rules?.[0]?.host ?? '';
      const paths = route?.spec?.rules?.[0]?.http?.paths ?? [];
      for (const domain of domains) {
        const deployment = deploymentsIn(objects).find((each) => nameOf(each) === domain);
        if (!deployment) throw new Error(`no ${domain}`);
        expect(literalEnv(containerOf(deployment), 'INNGEST_SERVE_ORIGIN')).toBe(`https://${host}`);
        const path = paths.find((each) => each.path === `/api/inngest/${domain}`);
        expect(path?.backend.service?.name, domain).toBe(domain);
      }
    });
  }
});

describe('GitOps', () => {
  const argocd = renderedDirectory(argocdDirectory);
  const applications = argocd.filter((object) => object.kind === 'Application');

  it('has an ArgoCD Application for dev, staging and prod, each pointing at its overlay', () => {
    for (const overlay of selfHostedOverlays) {
      const application = applications.find((each) => each.metadata.name === `shop-${overlay}`);
      const spec = application?.spec as {
        source: { path: string };
        destination: { namespace: string };
        ignoreDifferences: { kind: string; jsonPointers: string[] }[];
        syncPolicy: { syncOptions: string[] };
      };
      expect(spec.source.path).toBe(`infra/k8s/overlays/${overlay}`);
      expect(existsSync(`${repository}${spec.source.path}/kustomization.yaml`)).toBe(true);
      expect(spec.destination.namespace).toBe('shop');
      // The autoscalers own the live replica counts.
      expect(spec.ignoreDifferences).toContainEqual({
        group: 'apps',
        kind: 'Deployment',
        jsonPointers: ['/spec/replicas'],
      });
      expect(spec.syncPolicy.syncOptions).toContain('RespectIgnoreDifferences=true');
    }
  });

  it('keeps every Application in the argocd namespace', () => {
    for (const object of argocd) expect(object.metadata.namespace).toBe('argocd');
  });
});
