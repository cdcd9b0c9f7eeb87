import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configMapNameSuffix } from './config-map-hash';
import { type KubeObject, parseKubeObjects } from './kube-object';
import { type Kustomization, kustomizationSchema } from './kustomization-schema';

/**
 * Renders a kustomization directory offline, the way `kubectl kustomize` does, for exactly the
 * features in `kustomizationSchema` and the kinds below. Anything else is an error, so the base
 * cannot grow a feature this renderer would get wrong without a failing test.
 */
export function renderKustomization(directory: string): KubeObject[] {
  const kustomization = readKustomization(directory);
  const objects = kustomization.resources.flatMap((file) =>
    parseKubeObjects(readFileSync(join(directory, file), 'utf8'), file),
  );
  const generated = (kustomization.configMapGenerator ?? []).map(generateConfigMap);
  const all = [...objects, ...generated.map(({ configMap }) => configMap)];
  for (const object of all) assertSupportedKind(object);

  if (kustomization.namespace) setNamespace(all, kustomization.namespace);
  for (const { pairs, includeTemplates } of kustomization.labels ?? []) {
    addLabels(all, pairs, includeTemplates ?? false);
  }
  for (const image of kustomization.images ?? []) setImage(all, image);
  for (const { originalName, configMap } of generated) {
    renameConfigMapReferences(all, originalName, configMap.metadata.name);
  }
  return all;
}

function readKustomization(directory: string): Kustomization {
  const raw: unknown = parse(readFileSync(join(directory, 'kustomization.yaml'), 'utf8'));
  return kustomizationSchema.parse(raw);
}

const supportedKinds = new Set([
  'v1/Namespace',
  'v1/ConfigMap',
  'v1/Service',
  'apps/v1/Deployment',
]);
const clusterScopedKinds = new Set(['Namespace']);

function assertSupportedKind(object: KubeObject): void {
  const kind = `${object.apiVersion}/${object.kind}`;
  if (!supportedKinds.has(kind)) {
    throw new Error(`the offline renderer does not know ${kind} (${object.metadata.name})`);
  }
}

function generateConfigMap(generator: { name: string; literals: string[] }) {
  const data = Object.fromEntries(
    generator.literals.map((literal) => {
      const separator = literal.indexOf('=');
      return [literal.slice(0, separator), literal.slice(separator + 1)];
    }),
  );
  const configMap: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${generator.name}-${configMapNameSuffix(data)}` },
    data,
  };
  return { originalName: generator.name, configMap };
}

function setNamespace(objects: KubeObject[], namespace: string): void {
  for (const object of objects) {
    // kustomize renames Namespace objects to the kustomization's namespace.
    if (object.kind === 'Namespace') object.metadata.name = namespace;
    else if (!clusterScopedKinds.has(object.kind)) object.metadata.namespace = namespace;
  }
}

function addLabels(
  objects: KubeObject[],
  pairs: Record<string, string>,
  includeTemplates: boolean,
): void {
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    if (includeTemplates && object.kind === 'Deployment') {
      const template = podTemplateOf(object);
      template.metadata = {
        ...template.metadata,
        labels: { ...template.metadata?.labels, ...pairs },
      };
    }
  }
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
  override: { name: string; newName?: string; newTag?: string },
): void {
  for (const container of objects.filter(isDeployment).flatMap(containersOf)) {
    if (typeof container.image !== 'string' || imageName(container.image) !== override.name) {
      continue;
    }
    const name = override.newName ?? override.name;
    const tag = override.newTag ? `:${override.newTag}` : imageTag(container.image);
    container.image = `${name}${tag}`;
  }
}

function renameConfigMapReferences(objects: KubeObject[], from: string, to: string): void {
  for (const deployment of objects.filter(isDeployment)) {
    const spec = podTemplateOf(deployment).spec ?? {};
    for (const container of containersOf(deployment)) {
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

function isDeployment(object: KubeObject): boolean {
  return object.kind === 'Deployment';
}

function podTemplateOf(deployment: KubeObject): PodTemplate {
  const spec = deployment.spec as { template?: PodTemplate } | undefined;
  if (!spec?.template) throw new Error(`Deployment ${deployment.metadata.name} has no template`);
  return spec.template;
}

function containersOf(deployment: KubeObject): Container[] {
  const spec = podTemplateOf(deployment).spec ?? {};
  return [...asArray(spec.containers), ...asArray(spec.initContainers)];
}

function asArray<T>(value: T[] | undefined): T[] {
  return value ?? [];
}
