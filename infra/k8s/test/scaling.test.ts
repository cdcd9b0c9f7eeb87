import { describe, expect, it } from 'vitest';
import { type KubeObject } from './kustomize/kube-object';
import {
  appPlan,
  autoscalePlan,
  cellPlan,
  signInsPerCoreSecond,
  type WorkloadPlan,
} from './support/capacity-plan';
import {
  autoscalersIn,
  deploymentsIn,
  disruptionBudgetsIn,
  nameOf,
  podSpecOf,
  statefulSetsIn,
} from './support/kube-models';
import { renderedBase, renderedOverlay } from './support/rendered-base';

const base = renderedBase();
const plans: Record<string, WorkloadPlan> = { ...cellPlan, ...appPlan };

describe.each(Object.keys(plans))('%s scaling and placement', (name) => {
  const deployment = deploymentsIn(base).find((each) => nameOf(each) === name);
  if (!deployment) throw new Error(`no Deployment ${name}`);
  const podLabels = deployment.spec?.template.metadata?.labels ?? {};
  const selects = (selector: Record<string, string> = {}) =>
    Object.keys(selector).length > 0 &&
    Object.entries(selector).every(([key, value]) => podLabels[key] === value);

  it('scales out at 70 % of its CPU request, between its planned min and max', () => {
    const [autoscaler, ...others] = autoscalersIn(base).filter(
      (each) => each.spec?.scaleTargetRef.name === name,
    );
    expect(others).toEqual([]);
    expect(autoscaler?.spec?.scaleTargetRef).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
    });
    expect(autoscaler?.spec?.minReplicas).toBe(
      autoscalePlan[name as keyof typeof autoscalePlan].min,
    );
    expect(autoscaler?.spec?.maxReplicas).toBe(
      autoscalePlan[name as keyof typeof autoscalePlan].max,
    );
    expect(autoscaler?.spec?.minReplicas).toBe(deployment.spec?.replicas);
    expect(autoscaler?.spec?.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ]);
  });

  it('loses at most one pod to a voluntary disruption, and never blocks a drain', () => {
    const budgets = disruptionBudgetsIn(base).filter((each) =>
      selects(each.spec?.selector?.matchLabels),
    );
    expect(budgets).toHaveLength(1);
    expect(budgets[0]?.spec?.maxUnavailable).toBe(1);
    expect(budgets[0]?.spec?.minAvailable).toBeUndefined();
  });

  it('spreads its pods over nodes (required) and zones (preferred)', () => {
    const constraints = podSpecOf(deployment).topologySpreadConstraints ?? [];
    const byKey = new Map(constraints.map((each) => [each.topologyKey, each]));
    expect(byKey.get('kubernetes.io/hostname')?.whenUnsatisfiable).toBe('DoNotSchedule');
    expect(byKey.get('topology.kubernetes.io/zone')?.whenUnsatisfiable).toBe('ScheduleAnyway');
    for (const constraint of constraints) {
      expect(constraint.maxSkew).toBe(1);
      expect(selects(constraint.labelSelector?.matchLabels)).toBe(true);
    }
  });
});

/** CPU in cores, memory in bytes, from Kubernetes quantities. */
function quantity(value: string | number | undefined): number {
  if (value === undefined) return 0;
  const text = String(value);
  const units: Record<string, number> = {
    m: 1e-3,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  const match = /^([\d.]+)([a-zA-Z]*)$/.exec(text);
  if (!match) throw new Error(`quantity ${text}`);
  return Number(match[1]) * (units[match[2] ?? ''] ?? 1);
}

function limitsOf(spec: ReturnType<typeof podSpecOf>) {
  return spec.containers.reduce(
    (sum, container) => ({
      cpu: sum.cpu + quantity(container.resources?.limits?.cpu),
      memory: sum.memory + quantity(container.resources?.limits?.memory),
    }),
    { cpu: 0, memory: 0 },
  );
}

/** Every pod the namespace can hold at once: autoscalers at max, a surge pod each, the rest. */
function peakUsage(objects: KubeObject[]) {
  let cpu = 0;
  let memory = 0;
  let pods = 0;
  for (const deployment of deploymentsIn(objects)) {
    const autoscaler = autoscalersIn(objects).find(
      (each) => each.spec?.scaleTargetRef.name === nameOf(deployment),
    );
    const count = (autoscaler?.spec?.maxReplicas ?? deployment.spec?.replicas ?? 1) + 1;
    const limits = limitsOf(podSpecOf(deployment));
    cpu += count * limits.cpu;
    memory += count * limits.memory;
    pods += count;
  }
  for (const statefulSet of statefulSetsIn(objects)) {
    const spec = statefulSet.spec?.template.spec;
    if (!spec) continue;
    const count = statefulSet.spec?.replicas ?? 1;
    const limits = limitsOf(spec);
    cpu += count * limits.cpu;
    memory += count * limits.memory;
    pods += count;
  }
  const mongodb = objects.find((object) => object.kind === 'PerconaServerMongoDB');
  if (mongodb) {
    const spec = mongodb.spec as {
      replsets: { size: number; resources: { limits: { cpu: string; memory: string } } }[];
      backup: { resources: { limits: { cpu: string; memory: string } } };
    };
    for (const replset of spec.replsets) {
      cpu +=
        replset.size *
        (quantity(replset.resources.limits.cpu) + quantity(spec.backup.resources.limits.cpu));
      memory +=
        replset.size *
        (quantity(replset.resources.limits.memory) + quantity(spec.backup.resources.limits.memory));
      pods += replset.size;
    }
  }
  return { cpu, memory, pods };
}

describe('the namespace quota', () => {
  const objects = renderedOverlay('prod');
  const quota = objects.find((object) => object.kind === 'ResourceQuota');
  const hard = (quota?.spec as { hard: Record<string, string> }).hard;

  it('holds production at every autoscaler maximum with a rollout surge pod each', () => {
    const peak = peakUsage(objects);
    expect(peak.cpu).toBeLessThanOrEqual(quantity(hard['limits.cpu']));
    expect(peak.memory).toBeLessThanOrEqual(quantity(hard['limits.memory']));
    expect(peak.pods).toBeLessThanOrEqual(quantity(hard.pods));
  });

  it('is not far above that peak, so a runaway is caught', () => {
    const peak = peakUsage(objects);
    expect(quantity(hard['limits.cpu'])).toBeLessThanOrEqual(peak.cpu * 1.3);
    expect(quantity(hard['limits.memory'])).toBeLessThanOrEqual(peak.memory * 1.35);
  });

  it('gives a container without resources defaults below the cap (LimitRange)', () => {
    const limitRange = objects.find((object) => object.kind === 'LimitRange');
    const [container] = (
      limitRange?.spec as {
        limits: { type: string; default: { cpu: string }; max: { cpu: string } }[];
      }
    ).limits;
    expect(container?.type).toBe('Container');
    expect(quantity(container?.default.cpu)).toBeLessThanOrEqual(quantity(container?.max.cpu));
  });
});

describe('the auth cell', () => {
  it('signs in at least 30 shoppers per second at its autoscaler maximum (bcrypt cost 12)', () => {
    const cores = quantity(cellPlan.auth.cpu) * autoscalePlan.auth.max;
    expect(cores * signInsPerCoreSecond).toBeGreaterThanOrEqual(30);
  });
});
