import { cellUrlsFromEnv, domains } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { cellPlan } from './support/capacity-plan';
import { literalEnv } from './support/env';
import {
  configMapsIn,
  containerOf,
  deploymentsIn,
  nameOf,
  servicesIn,
} from './support/kube-models';
import { resolveContainerPort } from './support/ports';
import { renderedBase } from './support/rendered-base';

const objects = renderedBase();
const deployments = deploymentsIn(objects);
const services = servicesIn(objects);

function deploymentNamed(name: string) {
  const deployment = deployments.find((each) => nameOf(each) === name);
  if (!deployment) throw new Error(`no Deployment ${name}`);
  return deployment;
}

function serviceNamed(name: string) {
  const service = services.find((each) => nameOf(each) === name);
  if (!service) throw new Error(`no Service ${name}`);
  return service;
}

function selects(selector: Record<string, string>, labels: Record<string, string> = {}): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe.each(domains)('the %s cell', (domain) => {
  const plan = cellPlan[domain];

  it('runs the shared cell image hosting only this cell on its seed port', () => {
    const container = containerOf(deploymentNamed(domain));
    expect(container.image).toMatch(/^shop\/cell:[\w.-]+$/);
    expect(literalEnv(container, 'CELLS')).toBe(domain);
    expect(literalEnv(container, 'PORT')).toBe(String(plan.port));
    expect(container.ports?.map((port) => port.containerPort)).toEqual([plan.port]);
  });

  it('registers its Inngest functions at its own Service address when it starts', () => {
    const container = containerOf(deploymentNamed(domain));
    expect(literalEnv(container, 'INNGEST_SERVE_ORIGIN')).toBe(`http://${domain}:${plan.port}`);
  });

  it('is reachable through a ClusterIP Service on the same port, selecting only its pods', () => {
    const deployment = deploymentNamed(domain);
    const service = serviceNamed(domain);
    const podLabels = deployment.spec?.template.metadata?.labels;
    const selector = service.spec?.selector ?? {};

    expect(service.spec?.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(selects(selector, podLabels)).toBe(true);
    const selected = deployments.filter((each) =>
      selects(selector, each.spec?.template.metadata?.labels),
    );
    expect(selected.map(nameOf)).toEqual([domain]);
    expect(selects(deployment.spec?.selector.matchLabels ?? {}, podLabels)).toBe(true);

    const [port, ...others] = service.spec?.ports ?? [];
    expect(others).toEqual([]);
    expect(port?.port).toBe(plan.port);
    expect(resolveContainerPort(containerOf(deployment), port?.targetPort)?.containerPort).toBe(
      plan.port,
    );
  });

  it('is probed for liveness on /healthz and readiness on /readyz at its container port', () => {
    const container = containerOf(deploymentNamed(domain));
    const probes = {
      startup: container.startupProbe,
      liveness: container.livenessProbe,
      readiness: container.readinessProbe,
    };
    expect(probes.liveness?.httpGet?.path).toBe('/healthz');
    expect(probes.readiness?.httpGet?.path).toBe('/readyz');
    // Cells start through tsx (compiling TypeScript on start): a startup probe holds liveness off.
    expect(probes.startup?.httpGet?.path).toBe('/healthz');
    for (const probe of Object.values(probes)) {
      expect(resolveContainerPort(container, probe?.httpGet?.port)?.containerPort).toBe(plan.port);
    }
  });

  it('is scraped by Prometheus at /metrics on its port', () => {
    const annotations = deploymentNamed(domain).spec?.template.metadata?.annotations;
    expect(annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(plan.port),
      'prometheus.io/path': '/metrics',
    });
  });
});

describe('the shared configuration', () => {
  const [config, ...others] = configMapsIn(objects);
  const data = config?.data ?? {};

  it('is one ConfigMap that every pod loads', () => {
    expect(others).toEqual([]);
    for (const deployment of deployments) {
      const sources = containerOf(deployment).envFrom ?? [];
      expect(sources.map((source) => source.configMapRef?.name)).toEqual([nameOf(config ?? {})]);
    }
  });

  it("points every domain's typed client at that cell's Service and tRPC path", () => {
    const urlFor = cellUrlsFromEnv(data);
    for (const domain of domains) {
      const { port } = cellPlan[domain];
      expect(urlFor(domain)).toBe(`http://${domain}:${port}/trpc`);
      expect(serviceNamed(domain).spec?.ports?.[0]?.port).toBe(port);
    }
  });

  it('sets the log level, Inngest in production mode syncing on start, and the drain period', () => {
    expect(data.LOG_LEVEL).toBe('info');
    // The engine's address comes with the component that provides it (overlays.test.ts).
    expect(data.INNGEST_BASE_URL).toBeUndefined();
    expect(data.INNGEST_SYNC_ON_START).toBe('1');
    expect(data.INNGEST_DEV).toBe('0');
    expect(Number(data.SHUTDOWN_GRACE_MS)).toBeGreaterThan(0);
  });
});

describe('notification cell mail settings', () => {
  it('sends from a literal MAIL_FROM address, through the SMTP_URL from the Secret', () => {
    const container = containerOf(deploymentNamed('notification'));
    expect(literalEnv(container, 'MAIL_FROM')).toMatch(/<[^@\s]+@[^@\s]+\.[a-z]+>$/);
    const smtpUrl = container.env?.find((variable) => variable.name === 'SMTP_URL');
    expect(smtpUrl?.value).toBeUndefined();
    expect(smtpUrl?.valueFrom?.secretKeyRef).toMatchObject({
      name: 'shop-secrets',
      key: 'SMTP_URL',
    });
  });
});
