import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configMapNameSuffix } from './kustomize/config-map-hash';
import { type KubeObject, objectKey } from './kustomize/kube-object';
import { kubectlKustomize, kubectlUnavailableReason } from './kustomize/kubectl-kustomize';
import { renderKustomization } from './kustomize/render-kustomization';
import { validateObject } from './support/kube-models';
import {
  argocdDirectory,
  baseDirectory,
  clusterDirectory,
  overlayNames,
  overlaysDirectory,
  renderedBase,
  renderedDirectory,
} from './support/rendered-base';

function byKey(objects: KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((object) => [objectKey(object), object]));
}

/** Every kustomization an operator applies, by the path the README gives. */
const kustomizations: [string, string][] = [
  ['base', baseDirectory],
  ...overlayNames.map((name): [string, string] => [
    `overlays/${name}`,
    `${overlaysDirectory}/${name}`,
  ]),
  ['cluster', clusterDirectory],
  ['argocd', argocdDirectory],
];

describe('rendering infra/k8s/base offline', () => {
  it('yields the namespace, the shared config, a Deployment, Service and the rest per workload', () => {
    const kinds = renderedBase().map((object) => object.kind);
    const count = (kind: string) => kinds.filter((each) => each === kind).length;
    expect(count('Namespace')).toBe(1);
    expect(count('ConfigMap')).toBe(1);
    for (const kind of [
      'Deployment',
      'Service',
      'ServiceAccount',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
    ]) {
      expect(count(kind), kind).toBe(11);
    }
    expect(count('ResourceQuota')).toBe(1);
    expect(count('LimitRange')).toBe(1);
    expect(count('NetworkPolicy')).toBe(16);
    expect(kinds).toHaveLength(75);
  });

  it('contains no Secret and no custom resource: those come with the overlays', () => {
    for (const object of renderedBase()) {
      expect(object.apiVersion, object.kind).toMatch(
        /^(v1|apps\/v1|autoscaling\/v2|policy\/v1|networking\.k8s\.io\/v1)$/,
      );
      expect(object.kind).not.toBe('Secret');
    }
  });
});

describe.each(kustomizations)('kustomization %s', (_name, directory) => {
  // kubectl is a child process whose own timeouts allow 10 s + 30 s; on a busy CI machine (every
  // turbo task at once) it took over 5 s, vitest's default, so the test waits as long as they do.
  it('agrees object for object with `kubectl kustomize`', { timeout: 45_000 }, (context) => {
    const unavailable = kubectlUnavailableReason();
    if (unavailable) {
      console.warn(`skipped the kubectl comparison: ${unavailable}`);
      context.skip(`kubectl comparison skipped: ${unavailable}`);
    }
    const ours = byKey(renderedDirectory(directory));
    const theirs = byKey(kubectlKustomize(directory));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [key, object] of theirs) expect(ours.get(key), key).toEqual(object);
  });

  it('validates every object against its schema, custom resources included', () => {
    for (const object of renderedDirectory(directory)) {
      expect(() => validateObject(object), `${object.kind}/${object.metadata.name}`).not.toThrow();
    }
  }, 120_000); // a guard, not a bound: a few seconds alone, over 30 s on a loaded machine
});

describe('schema validation', () => {
  it('rejects a malformed object', () => {
    const deployment = structuredClone(renderedBase().find((each) => each.kind === 'Deployment'));
    if (!deployment) throw new Error('no Deployment rendered');
    const spec = deployment.spec as {
      template: { spec: { containers: { ports: { containerPort: unknown }[] }[] } };
    };
    const port = spec.template.spec.containers[0]?.ports[0];
    if (!port) throw new Error('no container port');
    port.containerPort = 'three thousand';
    expect(() => validateObject(deployment)).toThrow(/containerPort/);
  });

  it('rejects malformed custom resources', () => {
    const prod = renderedDirectory(`${overlaysDirectory}/prod`);
    const mongodb = structuredClone(prod.find((each) => each.kind === 'PerconaServerMongoDB'));
    if (!mongodb) throw new Error('no PerconaServerMongoDB in prod');
    (mongodb.spec as { replsets: { size: unknown }[] }).replsets[0]!.size = 'three';
    expect(() => validateObject(mongodb)).toThrow(/size/);
    const certificate = structuredClone(prod.find((each) => each.kind === 'Certificate'));
    if (!certificate) throw new Error('no Certificate in prod');
    (certificate.spec as { dnsNames: unknown }).dnsNames = 'shop.example.com';
    expect(() => validateObject(certificate)).toThrow(/dnsNames/);
  });
});

describe('the offline renderer', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  function kustomizationDirectory(kustomization: string): string {
    directory = mkdtempSync(join(tmpdir(), 'shop-k8s-'));
    writeFileSync(join(directory, 'kustomization.yaml'), kustomization);
    return directory;
  }

  it('refuses kustomize features it does not implement instead of ignoring them', () => {
    const dir = kustomizationDirectory(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: []',
        'secretGenerator:',
        '  - name: leaked',
      ].join('\n'),
    );
    expect(() => renderKustomization(dir)).toThrow(/secretGenerator/);
  });

  it("names generated ConfigMaps with kustomize's content hash", () => {
    // Measured with kubectl 1.32 (kustomize v5.5.0): a generator with the literal a=b.
    expect(configMapNameSuffix({ a: 'b' })).toBe('4h2mbtbbt6');
    expect(configMapNameSuffix({ a: 'c' })).not.toBe('4h2mbtbbt6');
  });
});
