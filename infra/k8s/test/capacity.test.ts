import { describe, expect, it } from 'vitest';
import { appPlan, cellPlan, type WorkloadPlan } from './support/capacity-plan';
import { deploymentsIn, nameOf, podSpecOf } from './support/kube-models';
import { renderedBase } from './support/rendered-base';

const plans: Record<string, WorkloadPlan> = { ...cellPlan, ...appPlan };
const deployments = deploymentsIn(renderedBase());

describe('capacity', () => {
  it('plans every Deployment and deploys every plan', () => {
    expect(deployments.map(nameOf).sort()).toEqual(Object.keys(plans).sort());
  });

  it.each(Object.entries(plans))('%s runs the planned replicas', (name, plan) => {
    const deployment = deployments.find((each) => nameOf(each) === name);
    expect(deployment?.spec?.replicas).toBe(plan.replicas);
  });

  it.each(Object.entries(plans))(
    '%s requests and is limited to the planned CPU and memory, in every container',
    (name, plan) => {
      const deployment = deployments.find((each) => nameOf(each) === name);
      if (!deployment) throw new Error(`no Deployment ${name}`);
      const spec = podSpecOf(deployment);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const expected = { cpu: plan.cpu, memory: plan.memory };
        expect(container.resources?.requests, container.name).toEqual(expected);
        expect(container.resources?.limits, container.name).toEqual(expected);
      }
    },
  );
});
