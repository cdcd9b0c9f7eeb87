import { readFileSync } from 'node:fs';
import { domains } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import {
  capacityTable,
  coresOf,
  mebibytesOf,
  planDeployment,
  type Figure,
} from '../capacity/capacity-model';
import { capacityModel } from './support/capacity-plan';
import { literalEnv } from './support/env';
import {
  autoscalersIn,
  containerOf,
  deploymentsIn,
  nameOf,
  podSpecOf,
} from './support/kube-models';
import { overlayNames, renderedBase, renderedOverlay } from './support/rendered-base';

const model = capacityModel;
const base = renderedBase();
const deployments = deploymentsIn(base);
const repositoryFile = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

function deploymentNamed(name: string) {
  const deployment = deployments.find((each) => nameOf(each) === name);
  if (!deployment) throw new Error(`no Deployment ${name}`);
  return deployment;
}

describe('the capacity model (capacity/model.json, docs/capacity.md)', () => {
  it('plans every Deployment of the base, and the base deploys every plan', () => {
    expect(deployments.map(nameOf).sort()).toEqual(Object.keys(model.deployments).sort());
  });

  it('is the table docs/capacity.md shows', () => {
    const expected = capacityTable(model).split('\n');
    const page = repositoryFile('docs/capacity.md').split('\n');
    const start = page.indexOf(expected[0] ?? '');
    // On a mismatch, the expected rows are what docs/capacity.md's "The plan" should hold.
    expect(start, 'the table header in docs/capacity.md').toBeGreaterThanOrEqual(0);
    expect(page.slice(start, start + expected.length)).toEqual(expected);
  });

  it('names, for every measured figure, a section of docs/benchmarks.md that exists', () => {
    const headings = new Set(
      repositoryFile('docs/benchmarks.md')
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#+\s*/, '').trim()),
    );
    const figures: Figure[] = [
      ...Object.values(model.target),
      ...Object.values(model.rules),
      ...Object.values(model.deployments).flatMap((entry) => [
        entry.peakRssMiB,
        ...entry.loads.flatMap((each) => [each.perRequest, each.cpuSeconds]),
      ]),
    ];
    for (const { source } of figures) {
      const sections = [...source.matchAll(/docs\/benchmarks\.md,? "([^"]+)"/g)].map(
        (match) => match[1] ?? '',
      );
      if (source.startsWith('measured:')) expect(sections.length, source).toBeGreaterThan(0);
      for (const section of sections) expect(headings, source).toContain(section);
    }
  });
});

describe("the model's rules, on figures worked out by hand", () => {
  const figure = (value: number) => ({ value, source: 'assumption: a worked example' });
  const example = (cpu: string, cores: number, spare: 0 | 1, floor: number) => ({
    ...model,
    deployments: {
      example: {
        cpu,
        memory: '256Mi',
        why: 'a worked example',
        loads: [{ what: 'requests', perRequest: figure(1), cpuSeconds: figure(cores / 1000) }],
        peakRssMiB: figure(100),
        spare,
        floor,
      },
    },
  });

  it('adds the spare pod to the pods at 70 % and doubles the load for the maximum', () => {
    // 1.9 cores on one-core pods: 3 pods at 70 % (2.7), 4 with the spare; 3 pods would already
    // survive a zone (2 left >= 1.9); twice the load is 3.8 / 0.7 = 5.4, so 6 pods plus the spare.
    const plan = planDeployment(example('1', 1.9, 1, 2), 'example');
    expect(plan.cores).toBeCloseTo(1.9);
    expect([plan.podsAtTarget, plan.podsForZoneLoss, plan.minReplicas, plan.maxReplicas]).toEqual([
      3, 3, 4, 7,
    ]);
  });

  it('lets the zone rule decide when a zone holds more than the spare pod', () => {
    // 4.18 cores: 6 pods at 70 %, 7 with the spare; 7 pods lose 3 in a zone (4 < 4.18), 8 lose 3.
    const plan = planDeployment(example('1', 4.18, 1, 2), 'example');
    expect([plan.podsAtTarget, plan.podsForZoneLoss, plan.minReplicas]).toEqual([6, 8, 8]);
  });

  it('gives work that waits (no spare) neither the spare pod nor the zone rule, and keeps the floor', () => {
    const plan = planDeployment(example('500m', 0.88, 0, 1), 'example');
    expect([plan.podsAtTarget, plan.podsForZoneLoss, plan.minReplicas]).toEqual([3, 1, 3]);
    expect(planDeployment(example('250m', 0.01, 0, 1), 'example').minReplicas).toBe(1);
    expect(planDeployment(example('250m', 0.01, 1, 2), 'example').minReplicas).toBe(2);
  });
});

describe.each(Object.keys(model.deployments))('%s agrees with the capacity model', (name) => {
  const entry = model.deployments[name];
  if (!entry) throw new Error(`no model for ${name}`);
  const plan = planDeployment(model, name);

  it('runs the pods the model needs at the target, and its autoscaler stays within the model', () => {
    expect(deploymentNamed(name).spec?.replicas).toBe(plan.minReplicas);
    const autoscalers = autoscalersIn(base).filter(
      (each) => each.spec?.scaleTargetRef.name === name,
    );
    expect(autoscalers).toHaveLength(1);
    expect(autoscalers[0]?.spec?.minReplicas).toBe(plan.minReplicas);
    expect(autoscalers[0]?.spec?.maxReplicas).toBe(plan.maxReplicas);
    const target = autoscalers[0]?.spec?.metrics?.[0]?.resource?.target.averageUtilization;
    expect(target).toBe(Math.round(model.rules.hpaTargetUtilization.value * 100));
  });

  it('requests and is limited to the modelled CPU and memory, in every container', () => {
    const spec = podSpecOf(deploymentNamed(name));
    for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
      const expected = { cpu: entry.cpu, memory: entry.memory };
      expect(container.resources?.requests, container.name).toEqual(expected);
      expect(container.resources?.limits, container.name).toEqual(expected);
    }
  });

  it('leaves its memory limit the modelled headroom above the measured peak', () => {
    expect(mebibytesOf(entry.memory)).toBeGreaterThanOrEqual(
      entry.peakRssMiB.value * model.rules.memoryHeadroom.value,
    );
  });

  it('keeps its spare pod at the target and, with a spare, holds the target after losing a zone', () => {
    expect(plan.minReplicas).toBeGreaterThanOrEqual(plan.podsAtTarget + entry.spare);
    expect(plan.maxReplicas).toBeGreaterThan(plan.minReplicas);
    if (entry.spare === 0) return;
    const survivors = plan.minReplicas - Math.ceil(plan.minReplicas / model.rules.zones.value);
    expect(survivors * coresOf(entry.cpu)).toBeGreaterThanOrEqual(plan.cores);
  });
});

describe.each(['storefront', 'admin'])('the %s app behind the ingress', (app) => {
  it('keeps idle connections open longer than ingress-nginx reuses them (60 s)', () => {
    const timeout = Number(literalEnv(containerOf(deploymentNamed(app)), 'KEEP_ALIVE_TIMEOUT'));
    expect(timeout).toBeGreaterThan(60_000);
  });
});

describe.each(['prod', 'prod-managed'])('MongoDB connections in overlay %s', (overlay) => {
  const objects = renderedOverlay(overlay);

  it("caps every cell's pool so the cells at their maximum stay within the connection budget", () => {
    const secret = objects.find(
      (object) => object.kind === 'ExternalSecret' && object.metadata.name === 'shop-secrets',
    );
    const uris = (secret?.spec as { target: { template: { data: Record<string, string> } } }).target
      .template.data;
    let connections = 0;
    for (const domain of domains) {
      const pool = Number(
        /[?&]maxPoolSize=(\d+)/.exec(uris[`MONGODB_URI_${domain.toUpperCase()}`] ?? '')?.[1],
      );
      expect(pool, domain).toBeGreaterThan(0);
      // Every pod at the autoscaler's maximum plus a rollout's surge pod, each with a full pool.
      connections += (planDeployment(model, domain).maxReplicas + 1) * pool;
    }
    expect(connections).toBeLessThanOrEqual(model.rules.databaseConnections.value);
  });
});

describe.each(overlayNames)('the %s overlay', (overlay) => {
  const objects = renderedOverlay(overlay);

  it('gives every autoscaler a minimum no larger than its maximum, and replicas between them', () => {
    for (const deployment of deploymentsIn(objects)) {
      const autoscaler = autoscalersIn(objects).find(
        (each) => each.spec?.scaleTargetRef.name === nameOf(deployment),
      );
      // The self-hosted Inngest engine runs one pod without an autoscaler.
      if (!autoscaler) continue;
      const min = autoscaler.spec?.minReplicas ?? 1;
      const max = autoscaler.spec?.maxReplicas ?? 0;
      expect(min, nameOf(deployment)).toBeGreaterThanOrEqual(1);
      expect(min, nameOf(deployment)).toBeLessThanOrEqual(max);
      expect(deployment.spec?.replicas, nameOf(deployment)).toBeGreaterThanOrEqual(min);
      expect(deployment.spec?.replicas, nameOf(deployment)).toBeLessThanOrEqual(max);
    }
  });
});
