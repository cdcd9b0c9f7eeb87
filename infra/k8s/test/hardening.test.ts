import { describe, expect, it } from 'vitest';
import { runtimeUid } from './support/capacity-plan';
import { containerOf, deploymentsIn, nameOf, podSpecOf } from './support/kube-models';
import { renderedBase } from './support/rendered-base';

const objects = renderedBase();
const deployments = deploymentsIn(objects);

/** Seconds a preStop `sleep N` holds the container before SIGTERM. */
function preStopSleepSeconds(command: string[] | undefined): number {
  if (command?.[0] !== 'sleep' || command.length !== 2) return 0;
  return Number(command[1]);
}

describe.each(deployments.map((deployment) => [nameOf(deployment), deployment] as const))(
  '%s',
  (name, deployment) => {
    const pod = podSpecOf(deployment);
    const containers = [...pod.containers, ...(pod.initContainers ?? [])];

    it('runs as the fixed non-root uid/gid with the RuntimeDefault seccomp profile', () => {
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: runtimeUid,
        runAsGroup: runtimeUid,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of containers) {
        // A container-level override would win over the pod's settings.
        expect(container.securityContext?.runAsUser ?? runtimeUid).toBe(runtimeUid);
        expect(container.securityContext?.runAsNonRoot ?? true).toBe(true);
      }
    });

    it('cannot escalate, write its root filesystem or use any capability', () => {
      for (const container of containers) {
        expect(container.securityContext, container.name).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.securityContext?.capabilities?.add ?? []).toEqual([]);
        expect(container.securityContext?.privileged ?? false).toBe(false);
      }
    });

    it('gets no service account token and no service-link variables', () => {
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.enableServiceLinks).toBe(false);
    });

    it('writes only to emptyDir volumes, /tmp among them', () => {
      const volumes = new Map((pod.volumes ?? []).map((volume) => [volume.name, volume]));
      for (const container of containers) {
        const mounts = container.volumeMounts ?? [];
        expect(mounts.map((mount) => mount.mountPath)).toContain('/tmp');
        for (const mount of mounts) expect(volumes.get(mount.name)?.emptyDir).toBeDefined();
      }
    });

    it('rolls out without ever dropping below the desired replicas', () => {
      expect(deployment.spec?.strategy?.type).toBe('RollingUpdate');
      expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
      expect(deployment.spec?.strategy?.rollingUpdate?.maxSurge).toBeGreaterThan(0);
    });

    it('waits for load balancers, then gives the process time to drain before SIGKILL', () => {
      const container = containerOf(deployment);
      const preStop = preStopSleepSeconds(container.lifecycle?.preStop?.exec?.command);
      expect(preStop).toBeGreaterThan(0);
      const grace = pod.terminationGracePeriodSeconds ?? 30;
      const configMap = objects.find((object) => object.kind === 'ConfigMap');
      const drainMs = Number((configMap?.data as Record<string, string>).SHUTDOWN_GRACE_MS);
      // The cell host drains for up to SHUTDOWN_GRACE_MS, then closes databases: keep 5 s for that.
      expect(grace).toBeGreaterThanOrEqual(preStop + drainMs / 1000 + 5);
    });

    it('carries the standard labels on the Deployment and its pods', () => {
      const component = name === 'storefront' || name === 'admin' ? name : 'cell';
      const expected = {
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/part-of': 'shop',
        'app.kubernetes.io/component': component,
      };
      expect(deployment.metadata?.labels).toMatchObject(expected);
      expect(deployment.spec?.template.metadata?.labels).toMatchObject(expected);
    });

    it('pins a released image tag and does not re-pull it on every start', () => {
      const container = containerOf(deployment);
      expect(container.image).toMatch(/:[\w.-]+$/);
      expect(container.image).not.toMatch(/:latest$/);
      expect(container.imagePullPolicy).toBe('IfNotPresent');
    });
  },
);

describe('the shop namespace', () => {
  it('enforces the restricted Pod Security Standard', () => {
    const namespace = objects.find((object) => object.kind === 'Namespace');
    expect(namespace?.metadata.name).toBe('shop');
    expect(namespace?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('holds every namespaced object', () => {
    for (const object of objects.filter((each) => each.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind}/${object.metadata.name}`).toBe('shop');
    }
  });
});
