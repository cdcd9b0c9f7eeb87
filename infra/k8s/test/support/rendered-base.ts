import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type KubeObject } from '../kustomize/kube-object';
import { renderKustomization } from '../kustomize/render-kustomization';

const k8sDirectory = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export const baseDirectory = k8sDirectory('base');
export const overlaysDirectory = k8sDirectory('overlays');
export const clusterDirectory = k8sDirectory('cluster');
export const argocdDirectory = k8sDirectory('argocd');

/** Every environment overlay: `kubectl apply -k infra/k8s/overlays/<name>`. */
export const overlayNames = readdirSync(overlaysDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The environments that run MongoDB and Inngest inside the cluster. */
export const selfHostedOverlays = ['dev', 'staging', 'prod'] as const;

const cache = new Map<string, KubeObject[]>();

function rendered(directory: string): KubeObject[] {
  let objects = cache.get(directory);
  if (!objects) {
    objects = renderKustomization(directory);
    cache.set(directory, objects);
  }
  return objects;
}

/** The base as kustomize renders it, once per test file. */
export function renderedBase(): KubeObject[] {
  return rendered(baseDirectory);
}

/** An overlay as `kubectl apply -k infra/k8s/overlays/<name>` would send it. */
export function renderedOverlay(name: string): KubeObject[] {
  return rendered(`${overlaysDirectory}/${name}`);
}

export function renderedDirectory(directory: string): KubeObject[] {
  return rendered(directory);
}
