import { describe, expect, it } from 'vitest';
import { appPlan, type AppName } from './support/capacity-plan';
import { literalEnv } from './support/env';
import { containerOf, deploymentsIn, nameOf, podSpecOf, servicesIn } from './support/kube-models';
import { resolveContainerPort } from './support/ports';
import { renderedBase } from './support/rendered-base';

const objects = renderedBase();
const apps = Object.keys(appPlan) as AppName[];

describe.each(apps)('the %s app', (app) => {
  const plan = appPlan[app];
  const deployment = deploymentsIn(objects).find((each) => nameOf(each) === app);
  const service = servicesIn(objects).find((each) => nameOf(each) === app);
  if (!deployment || !service) throw new Error(`no Deployment and Service for ${app}`);
  const container = containerOf(deployment);

  it('runs its own image on its port, listening on every interface', () => {
    expect(container.image).toMatch(new RegExp(`^shop/${app}:[\\w.-]+$`));
    // The public port, and the gateway's /metrics on its own (GATEWAY_METRICS_PORT).
    expect(container.ports?.map((port) => port.containerPort)).toEqual([plan.port, 9464]);
    expect(literalEnv(container, 'GATEWAY_METRICS_PORT')).toBe('9464');
    expect(literalEnv(container, 'PORT')).toBe(String(plan.port));
    // Kubernetes sets HOSTNAME to the pod name, which Next's standalone server would bind to.
    expect(literalEnv(container, 'HOSTNAME')).toBe('0.0.0.0');
  });

  it('is reachable through a ClusterIP Service on the same port', () => {
    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    const selector = service.spec?.selector ?? {};
    expect(Object.entries(selector).every(([key, value]) => podLabels[key] === value)).toBe(true);
    expect(service.spec?.ports?.[0]?.port).toBe(plan.port);
    expect(resolveContainerPort(container, service.spec?.ports?.[0]?.targetPort)).toBeDefined();
  });

  it('is probed on /healthz on its container port (never a page that calls cells)', () => {
    const probes = [container.startupProbe, container.livenessProbe, container.readinessProbe];
    for (const probe of probes) {
      expect(resolveContainerPort(container, probe?.httpGet?.port)?.containerPort).toBe(plan.port);
      expect(probe?.httpGet?.path).toBe('/healthz');
    }
  });

  it("gives Next's cache a writable volume under the image's app directory", () => {
    const cacheMount = container.volumeMounts?.find((mount) =>
      mount.mountPath.endsWith('/.next/cache'),
    );
    expect(cacheMount?.mountPath).toBe(`/app/apps/${app}/.next/cache`);
    const volume = podSpecOf(deployment).volumes?.find((each) => each.name === cacheMount?.name);
    expect(volume?.emptyDir).toBeDefined();
  });
});
