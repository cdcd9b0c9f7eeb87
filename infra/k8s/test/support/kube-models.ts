import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { ClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type IContainer } from 'kubernetes-models/v1/Container';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { type IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { type KubeObject } from '../kustomize/kube-object';
import { validatePercona } from './percona-schema';

/**
 * Typed, schema-validated views of rendered objects. `validate()` checks each object against the
 * Kubernetes OpenAPI schema (types, formats such as quantities, required fields); it does not
 * reject unknown fields, which the behaviour tests cover by reading the fields that matter.
 */
/**
 * A rendered object as the kind's model. The cast is into the model's constructor argument (its
 * shape is what is being checked); validate() checks it right after.
 */
function from<M>(Model: new (data: never) => M): (object: KubeObject) => M {
  return (object) => new Model(object as never);
}

const models = {
  'apps/v1/Deployment': from(Deployment),
  'v1/Service': from(Service),
  'v1/ConfigMap': from(ConfigMap),
  'v1/Namespace': from(Namespace),
  'apps/v1/StatefulSet': from(StatefulSet),
  'v1/ServiceAccount': from(ServiceAccount),
  'v1/ResourceQuota': from(ResourceQuota),
  'v1/LimitRange': from(LimitRange),
  'autoscaling/v2/HorizontalPodAutoscaler': from(HorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': from(PodDisruptionBudget),
  'networking.k8s.io/v1/NetworkPolicy': from(NetworkPolicy),
  'networking.k8s.io/v1/Ingress': from(Ingress),
  'storage.k8s.io/v1/StorageClass': from(StorageClass),
  // Custom resources: schemas from the @kubernetes-models packages generated from each project's CRDs.
  'cert-manager.io/v1/Certificate': from(Certificate),
  'cert-manager.io/v1/ClusterIssuer': from(ClusterIssuer),
  'external-secrets.io/v1/ExternalSecret': from(ExternalSecret),
  'external-secrets.io/v1/ClusterSecretStore': from(ClusterSecretStore),
  'monitoring.coreos.com/v1/ServiceMonitor': from(ServiceMonitor),
  'monitoring.coreos.com/v1/PodMonitor': from(PodMonitor),
  'monitoring.coreos.com/v1/PrometheusRule': from(PrometheusRule),
  'argoproj.io/v1alpha1/Application': from(Application),
  'argoproj.io/v1alpha1/AppProject': from(AppProject),
  // No maintained npm package carries Percona's CRD: its schema is vendored (test/schemas).
  'psmdb.percona.com/v1/PerconaServerMongoDB': (object: KubeObject) => ({
    validate: () => validatePercona('PerconaServerMongoDB', object),
  }),
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
export const statefulSetsIn = (objects: KubeObject[]) =>
  ofKind(objects, 'StatefulSet', models['apps/v1/StatefulSet']);
export const autoscalersIn = (objects: KubeObject[]) =>
  ofKind(objects, 'HorizontalPodAutoscaler', models['autoscaling/v2/HorizontalPodAutoscaler']);
export const disruptionBudgetsIn = (objects: KubeObject[]) =>
  ofKind(objects, 'PodDisruptionBudget', models['policy/v1/PodDisruptionBudget']);
export const networkPoliciesIn = (objects: KubeObject[]) =>
  ofKind(objects, 'NetworkPolicy', models['networking.k8s.io/v1/NetworkPolicy']);
export const ingressesIn = (objects: KubeObject[]) =>
  ofKind(objects, 'Ingress', models['networking.k8s.io/v1/Ingress']);
export const serviceAccountsIn = (objects: KubeObject[]) =>
  ofKind(objects, 'ServiceAccount', models['v1/ServiceAccount']);

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
