import { fileURLToPath } from 'node:url';
import { type KubeObject } from '../kustomize/kube-object';
import { renderKustomization } from '../kustomize/render-kustomization';

export const baseDirectory = fileURLToPath(new URL('../../base', import.meta.url));

let rendered: KubeObject[] | undefined;

/** The base as `kubectl apply -k infra/k8s/base` would send it, rendered once per test file. */
export function renderedBase(): KubeObject[] {
  rendered ??= renderKustomization(baseDirectory);
  return rendered;
}
