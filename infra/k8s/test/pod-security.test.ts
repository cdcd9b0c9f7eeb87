import { type IContainer } from 'kubernetes-models/v1/Container';
import { type IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { type ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import { describe, expect, it } from 'vitest';
import { type KubeObject } from './kustomize/kube-object';
import { deploymentsIn, nameOf, statefulSetsIn } from './support/kube-models';
import { overlayNames, renderedOverlay } from './support/rendered-base';

/**
 * The Pod Security Standard "restricted" (kubernetes.io/docs/concepts/security/pod-security-standards),
 * which the namespace enforces at admission, checked offline for every pod every overlay creates,
 * so a violation fails here instead of as a rejected pod in a cluster. Plus the shop's own rules:
 * no service-account token, a ServiceAccount of the workload's own.
 */
const allowedVolumeTypes = new Set([
  'name',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

export function restrictedViolations(pod: IPodSpec): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) problems.push('host namespaces');
  for (const volume of pod.volumes ?? []) {
    for (const type of Object.keys(volume)) {
      if (!allowedVolumeTypes.has(type)) problems.push(`volume ${volume.name}: ${type}`);
    }
  }
  if (podContext.runAsUser === 0) problems.push('pod runs as uid 0');
  const containers: IContainer[] = [...pod.containers, ...(pod.initContainers ?? [])];
  for (const container of containers) {
    const context: ISecurityContext = container.securityContext ?? {};
    const where = `container ${container.name}`;
    if (context.privileged) problems.push(`${where}: privileged`);
    if (context.allowPrivilegeEscalation !== false) {
      problems.push(`${where}: allowPrivilegeEscalation is not false`);
    }
    if (!(context.runAsNonRoot ?? podContext.runAsNonRoot)) {
      problems.push(`${where}: runAsNonRoot is not true`);
    }
    if (context.runAsUser === 0) problems.push(`${where}: runs as uid 0`);
    const seccomp = context.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      problems.push(`${where}: seccomp profile ${seccomp ?? 'unset'}`);
    }
    if (!context.capabilities?.drop?.includes('ALL')) problems.push(`${where}: does not drop ALL`);
    for (const added of context.capabilities?.add ?? []) {
      if (added !== 'NET_BIND_SERVICE') problems.push(`${where}: adds ${added}`);
    }
    for (const port of container.ports ?? []) {
      if (port.hostPort) problems.push(`${where}: hostPort ${port.hostPort}`);
    }
  }
  return problems;
}

function podsOf(objects: KubeObject[]) {
  return [...deploymentsIn(objects), ...statefulSetsIn(objects)].map((workload) => {
    const spec = workload.spec?.template.spec;
    if (!spec) throw new Error(`${nameOf(workload)} has no pod spec`);
    return [nameOf(workload), spec] as const;
  });
}

describe.each(overlayNames)('pods of overlay %s', (overlay) => {
  const objects = renderedOverlay(overlay);
  const pods = podsOf(objects);

  it.each(pods)('%s meets Pod Security "restricted"', (_name, pod) => {
    expect(restrictedViolations(pod)).toEqual([]);
  });

  it.each(pods)(
    '%s runs as its own ServiceAccount, which holds no token, and mounts none',
    (name, pod) => {
      expect(pod.serviceAccountName).toBe(name);
      expect(pod.automountServiceAccountToken).toBe(false);
      const account = objects.find(
        (object) => object.kind === 'ServiceAccount' && object.metadata.name === name,
      );
      expect(account?.automountServiceAccountToken).toBe(false);
    },
  );

  it.each(pods)('%s writes only to its volumes (read-only root file system)', (_name, pod) => {
    for (const container of pod.containers) {
      expect(container.securityContext?.readOnlyRootFilesystem, container.name).toBe(true);
    }
  });

  it('the namespace enforces "restricted" at admission', () => {
    const namespace = objects.find((object) => object.kind === 'Namespace');
    expect(namespace?.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  const mongodb = objects.find((object) => object.kind === 'PerconaServerMongoDB');
  if (mongodb) {
    it('the MongoDB members run as their own tokenless ServiceAccount', () => {
      const replsets = (mongodb.spec as { replsets: { serviceAccountName?: string }[] }).replsets;
      for (const replset of replsets) {
        const account = objects.find(
          (object) =>
            object.kind === 'ServiceAccount' && object.metadata.name === replset.serviceAccountName,
        );
        expect(account?.automountServiceAccountToken).toBe(false);
      }
    });

    it('the MongoDB operator\'s pods are configured for "restricted" too', () => {
      const spec = mongodb.spec as {
        replsets: {
          podSecurityContext?: IPodSpec['securityContext'];
          containerSecurityContext?: ISecurityContext;
        }[];
        initContainerSecurityContext?: ISecurityContext;
        backup: { containerSecurityContext?: ISecurityContext };
      };
      for (const replset of spec.replsets) {
        // The operator's pod: its mongod, PBM agent and init containers, with these contexts.
        const pod: IPodSpec = {
          securityContext: replset.podSecurityContext,
          containers: [
            { name: 'mongod', securityContext: replset.containerSecurityContext },
            { name: 'backup-agent', securityContext: spec.backup.containerSecurityContext },
          ],
          initContainers: [
            { name: 'mongo-init', securityContext: spec.initContainerSecurityContext },
          ],
        };
        expect(restrictedViolations(pod)).toEqual([]);
      }
    });
  }
});

describe('the restricted check itself', () => {
  it('catches what admission would reject', () => {
    const pod: IPodSpec = {
      hostNetwork: true,
      volumes: [{ name: 'host', hostPath: { path: '/' } }],
      containers: [{ name: 'bad', securityContext: { privileged: true } }],
    };
    expect(restrictedViolations(pod)).toEqual([
      'host namespaces',
      'volume host: hostPath',
      'container bad: privileged',
      'container bad: allowPrivilegeEscalation is not false',
      'container bad: runAsNonRoot is not true',
      'container bad: seccomp profile unset',
      'container bad: does not drop ALL',
    ]);
  });
});
