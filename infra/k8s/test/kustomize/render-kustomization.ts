import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configMapNameSuffix } from './config-map-hash';
import { type KubeObject, parseKubeObjects } from './kube-object';
import { type Kustomization, kustomizationSchema } from './kustomization-schema';
import { jsonMergePatch, strategicMerge } from './strategic-merge';

/**
 * Renders a kustomization directory offline, the way `kubectl kustomize` does, for exactly the
 * features in `kustomizationSchema` and the kinds below. Anything else is an error, so the
 * manifests cannot grow a feature this renderer would get wrong without a failing test. Where
 * kubectl is installed, test/render.test.ts compares the two renderings object for object.
 */
export function renderKustomization(directory: string): KubeObject[] {
  return build(directory, 'Kustomization').objects;
}

/** A generated ConfigMap's name before kustomize appended its content hash. */
interface Generated {
  originalName: string;
  configMap: KubeObject;
}

interface Accumulated {
  objects: KubeObject[];
  generated: Generated[];
}

function build(directory: string, expected: Kustomization['kind']): Accumulated {
  const kustomization = readKustomization(directory);
  if (kustomization.kind !== expected) {
    throw new Error(`${directory}: expected a ${expected}, found a ${kustomization.kind}`);
  }
  const accumulated: Accumulated = { objects: [], generated: [] };
  for (const resource of kustomization.resources) addResource(accumulated, directory, resource);
  for (const component of kustomization.components ?? []) {
    applyLayer(accumulated, join(directory, component), 'Component');
  }
  transform(accumulated, directory, kustomization);
  // As kustomize's name-reference step: references by a generator's own name (in resources or
  // patches) now point at the generated, hash-suffixed ConfigMap.
  for (const { originalName, configMap } of accumulated.generated) {
    renameConfigMapReferences(accumulated.objects, originalName, configMap.metadata.name);
  }
  return accumulated;
}

/** A component: its resources join the accumulated ones, then its own generators and patches. */
function applyLayer(accumulated: Accumulated, directory: string, kind: 'Component'): void {
  const kustomization = readKustomization(directory);
  if (kustomization.kind !== kind) throw new Error(`${directory}: expected a ${kind}`);
  for (const resource of kustomization.resources) addResource(accumulated, directory, resource);
  for (const component of kustomization.components ?? []) {
    applyLayer(accumulated, join(directory, component), 'Component');
  }
  transform(accumulated, directory, kustomization);
}

function addResource(accumulated: Accumulated, directory: string, resource: string): void {
  const path = join(directory, resource);
  if (statSync(path).isDirectory()) {
    const built = build(path, 'Kustomization');
    accumulated.objects.push(...built.objects);
    accumulated.generated.push(...built.generated);
    return;
  }
  if (!/\.ya?ml$/.test(resource)) throw new Error(`${path}: the renderer loads YAML files only`);
  const objects = parseKubeObjects(readFileSync(path, 'utf8'), resource);
  for (const object of objects) assertSupportedKind(object);
  accumulated.objects.push(...objects);
}

/** Generators, then transformers in kustomize's order: patches, namespace, labels, replicas, images. */
function transform(accumulated: Accumulated, directory: string, kustomization: Kustomization) {
  for (const generator of kustomization.configMapGenerator ?? []) {
    generateConfigMap(accumulated, generator);
  }
  for (const patch of kustomization.patches ?? [])
    applyPatch(accumulated.objects, directory, patch);
  if (kustomization.kind === 'Kustomization') {
    if (kustomization.namespace) setNamespace(accumulated.objects, kustomization.namespace);
    for (const { pairs, includeTemplates } of kustomization.labels ?? []) {
      addLabels(accumulated.objects, pairs, includeTemplates ?? false);
    }
    for (const { name, count } of kustomization.replicas ?? []) {
      setReplicas(accumulated.objects, name, count);
    }
    for (const image of kustomization.images ?? []) setImage(accumulated.objects, image);
  }
}

function readKustomization(directory: string): Kustomization {
  const raw: unknown = parse(readFileSync(join(directory, 'kustomization.yaml'), 'utf8'));
  const parsed = kustomizationSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${directory}/kustomization.yaml: ${parsed.error.message}`);
  return parsed.data;
}

/** Built-in kinds kustomize knows the schema of (strategic merge) and their scope. */
const builtinKinds = new Map([
  ['v1/Namespace', 'cluster'],
  ['v1/ConfigMap', 'namespaced'],
  ['v1/Service', 'namespaced'],
  ['v1/ServiceAccount', 'namespaced'],
  ['v1/ResourceQuota', 'namespaced'],
  ['v1/LimitRange', 'namespaced'],
  ['apps/v1/Deployment', 'namespaced'],
  ['apps/v1/StatefulSet', 'namespaced'],
  ['autoscaling/v2/HorizontalPodAutoscaler', 'namespaced'],
  ['policy/v1/PodDisruptionBudget', 'namespaced'],
  ['networking.k8s.io/v1/NetworkPolicy', 'namespaced'],
  ['networking.k8s.io/v1/Ingress', 'namespaced'],
  ['storage.k8s.io/v1/StorageClass', 'cluster'],
]);

/**
 * Custom resources: kustomize knows nothing of them, so it patches them with JSON merge patch and
 * gives them the kustomization's namespace. Cluster-scoped custom resources (ClusterIssuer,
 * ClusterSecretStore) therefore live in kustomizations without a namespace (../cluster).
 */
const customKinds = new Set([
  'cert-manager.io/v1/Certificate',
  'cert-manager.io/v1/ClusterIssuer',
  'external-secrets.io/v1/ExternalSecret',
  'external-secrets.io/v1/ClusterSecretStore',
  'monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PodMonitor',
  'monitoring.coreos.com/v1/PrometheusRule',
  'psmdb.percona.com/v1/PerconaServerMongoDB',
  'argoproj.io/v1alpha1/Application',
  'argoproj.io/v1alpha1/AppProject',
]);

function kindKey(object: KubeObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

function assertSupportedKind(object: KubeObject): void {
  const kind = kindKey(object);
  if (!builtinKinds.has(kind) && !customKinds.has(kind)) {
    throw new Error(`the offline renderer does not know ${kind} (${object.metadata.name})`);
  }
}

function literalsToData(literals: string[]): Record<string, string> {
  return Object.fromEntries(
    literals.map((literal) => {
      const separator = literal.indexOf('=');
      return [literal.slice(0, separator), literal.slice(separator + 1)];
    }),
  );
}

function generateConfigMap(
  accumulated: Accumulated,
  generator: { name: string; behavior?: 'create' | 'merge'; literals: string[] },
): void {
  const data = literalsToData(generator.literals);
  if (generator.behavior === 'merge') {
    const existing = accumulated.generated.find((each) => each.originalName === generator.name);
    if (!existing) throw new Error(`configMapGenerator ${generator.name}: nothing to merge into`);
    const before = existing.configMap.metadata.name;
    const merged = { ...(existing.configMap.data as Record<string, string>), ...data };
    existing.configMap.data = merged;
    existing.configMap.metadata.name = `${generator.name}-${configMapNameSuffix(merged)}`;
    renameConfigMapReferences(accumulated.objects, before, existing.configMap.metadata.name);
    return;
  }
  const configMap: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${generator.name}-${configMapNameSuffix(data)}` },
    data,
  };
  accumulated.objects.push(configMap);
  accumulated.generated.push({ originalName: generator.name, configMap });
  renameConfigMapReferences(accumulated.objects, generator.name, configMap.metadata.name);
}

function applyPatch(
  objects: KubeObject[],
  directory: string,
  patch: { path: string; target?: { kind?: string; name?: string; labelSelector?: string } },
): void {
  const [body, ...more] = parseKubeObjects(
    readFileSync(join(directory, patch.path), 'utf8'),
    patch.path,
  );
  if (!body || more.length > 0) throw new Error(`${patch.path}: one patch per file`);
  const targets = patch.target
    ? objects.filter((object) => selectedBy(object, patch.target ?? {}))
    : objects.filter(
        (object) => object.kind === body.kind && object.metadata.name === body.metadata.name,
      );
  if (targets.length === 0) throw new Error(`${patch.path}: patches nothing`);
  for (const target of targets) {
    // With a target, kustomize applies the patch to each selected object under its own name.
    const patchBody = patch.target
      ? { ...body, metadata: { ...body.metadata, name: target.metadata.name } }
      : body;
    const merge = builtinKinds.has(kindKey(target)) ? strategicMerge : jsonMergePatch;
    const merged = merge(target, patchBody) as KubeObject;
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, merged);
  }
}

function selectedBy(
  object: KubeObject,
  target: { kind?: string; name?: string; labelSelector?: string },
): boolean {
  if (target.kind && object.kind !== target.kind) return false;
  if (target.name && object.metadata.name !== target.name) return false;
  for (const pair of target.labelSelector?.split(',') ?? []) {
    const [key = '', value] = pair.split('=');
    if (object.metadata.labels?.[key] !== value) return false;
  }
  return true;
}

function setNamespace(objects: KubeObject[], namespace: string): void {
  for (const object of objects) {
    // kustomize renames Namespace objects to the kustomization's namespace.
    if (object.kind === 'Namespace') object.metadata.name = namespace;
    else if (builtinKinds.get(kindKey(object)) !== 'cluster') {
      object.metadata.namespace = namespace;
    }
  }
}

const templatedKinds = new Set(['Deployment', 'StatefulSet']);

function addLabels(
  objects: KubeObject[],
  pairs: Record<string, string>,
  includeTemplates: boolean,
): void {
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    if (includeTemplates && templatedKinds.has(object.kind)) {
      const template = podTemplateOf(object);
      template.metadata = {
        ...template.metadata,
        labels: { ...template.metadata?.labels, ...pairs },
      };
    }
  }
}

function setReplicas(objects: KubeObject[], name: string, count: number): void {
  const targets = objects.filter(
    (object) => templatedKinds.has(object.kind) && object.metadata.name === name,
  );
  if (targets.length === 0) throw new Error(`replicas: no Deployment or StatefulSet ${name}`);
  for (const target of targets) (target.spec as { replicas?: number }).replicas = count;
}

/** `name`, `name:tag` or `name@digest`, as kustomize's image transformer matches them. */
function imageName(image: string): string {
  const digestAt = image.indexOf('@');
  const withoutDigest = digestAt === -1 ? image : image.slice(0, digestAt);
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagColon = withoutDigest.indexOf(':', lastSlash + 1);
  return tagColon === -1 ? withoutDigest : withoutDigest.slice(0, tagColon);
}

function imageTag(image: string): string {
  const name = imageName(image);
  return image.slice(name.length);
}

function setImage(
  objects: KubeObject[],
  override: { name: string; newName?: string; newTag?: string; digest?: string },
): void {
  for (const container of objects.filter(isWorkload).flatMap(containersOf)) {
    if (typeof container.image !== 'string' || imageName(container.image) !== override.name) {
      continue;
    }
    const name = override.newName ?? override.name;
    const tag = override.digest
      ? `@${override.digest}`
      : override.newTag
        ? `:${override.newTag}`
        : imageTag(container.image);
    container.image = `${name}${tag}`;
  }
}

function renameConfigMapReferences(objects: KubeObject[], from: string, to: string): void {
  for (const workload of objects.filter(isWorkload)) {
    const spec = podTemplateOf(workload).spec ?? {};
    for (const container of containersOf(workload)) {
      for (const source of asArray(container.envFrom)) {
        const ref = source.configMapRef;
        if (ref?.name === from) ref.name = to;
      }
      for (const variable of asArray(container.env)) {
        const ref = variable.valueFrom?.configMapKeyRef;
        if (ref?.name === from) ref.name = to;
      }
    }
    for (const volume of asArray(spec.volumes)) {
      if (volume.configMap?.name === from) volume.configMap.name = to;
    }
  }
}

// Loose shapes of the pod-spec fields the renderer edits; validation happens in the tests.
interface NamedRef {
  name?: string;
}
interface Container {
  image?: unknown;
  envFrom?: { configMapRef?: NamedRef }[];
  env?: { valueFrom?: { configMapKeyRef?: NamedRef } }[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: {
    containers?: Container[];
    initContainers?: Container[];
    volumes?: { configMap?: NamedRef }[];
  };
}

function isWorkload(object: KubeObject): boolean {
  return templatedKinds.has(object.kind);
}

function podTemplateOf(workload: KubeObject): PodTemplate {
  const spec = workload.spec as { template?: PodTemplate } | undefined;
  if (!spec?.template)
    throw new Error(`${workload.kind} ${workload.metadata.name} has no template`);
  return spec.template;
}

function containersOf(workload: KubeObject): Container[] {
  const spec = podTemplateOf(workload).spec ?? {};
  return [...asArray(spec.containers), ...asArray(spec.initContainers)];
}

function asArray<T>(value: T[] | undefined): T[] {
  return value ?? [];
}
