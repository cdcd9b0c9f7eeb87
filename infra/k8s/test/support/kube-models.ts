import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { type IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { Service } from 'kubernetes-models/v1/Service';
import { type KubeObject } from '../kustomize/kube-object';

/**
 * Typed, schema-validated views of rendered objects. `validate()` checks each object against the
 * Kubernetes OpenAPI schema (types, formats such as quantities, required fields); it does not
 * reject unknown fields, which the behaviour tests cover by reading the fields that matter.
 */
// Each cast is into the model's constructor argument; validate() checks it right after.
const models = {
  'apps/v1/Deployment': (object: KubeObject) =>
    new Deployment(object as ConstructorParameters<typeof Deployment>[0]),
  'v1/Service': (object: KubeObject) =>
    new Service(object as ConstructorParameters<typeof Service>[0]),
  'v1/ConfigMap': (object: KubeObject) =>
    new ConfigMap(object as ConstructorParameters<typeof ConfigMap>[0]),
  'v1/Namespace': (object: KubeObject) =>
    new Namespace(object as ConstructorParameters<typeof Namespace>[0]),
} as const;

/** Validates `object` against its kind's schema; throws naming the object when it fails. */
export function validateObject(object: KubeObject): void {
  const key = `${object.apiVersion}/${object.kind}`;
  const model = key in models ? models[key as keyof typeof models](object) : undefined;
  if (!model) throw new Error(`no schema model for ${key}`);
  try {
    model.validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${String(error)}`, { cause: error });
  }
}

function ofKind<M extends { validate(): void }>(
  objects: KubeObject[],
  kind: string,
  toModel: (object: KubeObject) => M,
): M[] {
  return objects
    .filter((object) => object.kind === kind)
    .map((object) => {
      const model = toModel(object);
      model.validate();
      return model;
    });
}

export const deploymentsIn = (objects: KubeObject[]) =>
  ofKind(objects, 'Deployment', models['apps/v1/Deployment']);
export const servicesIn = (objects: KubeObject[]) =>
  ofKind(objects, 'Service', models['v1/Service']);
export const configMapsIn = (objects: KubeObject[]) =>
  ofKind(objects, 'ConfigMap', models['v1/ConfigMap']);

export function podSpecOf(deployment: Deployment): IPodSpec {
  const spec = deployment.spec?.template.spec;
  if (!spec) throw new Error(`Deployment ${deployment.metadata?.name} has no pod spec`);
  return spec;
}

/** The one application container every Deployment in the base runs. */
export function containerOf(deployment: Deployment): IContainer {
  const containers = podSpecOf(deployment).containers;
  if (containers.length !== 1 || !containers[0]) {
    throw new Error(`Deployment ${deployment.metadata?.name} should run exactly one container`);
  }
  return containers[0];
}

export function nameOf(object: { metadata?: { name?: string } }): string {
  const name = object.metadata?.name;
  if (!name) throw new Error('object without a name');
  return name;
}
