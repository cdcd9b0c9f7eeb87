import { execFileSync } from 'node:child_process';
import { type KubeObject, parseKubeObjects } from './kube-object';

/** Why `kubectl kustomize` cannot be used here, or null when it can. */
export function kubectlUnavailableReason(): string | null {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe', timeout: 10_000 });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? 'kubectl is not on PATH'
      : `\`kubectl version --client\` failed: ${String(error)}`;
  }
}

/** The reference rendering: kubectl's built-in kustomize, fully offline. */
export function kubectlKustomize(directory: string): KubeObject[] {
  const output = execFileSync('kubectl', ['kustomize', directory], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return parseKubeObjects(output, 'kubectl kustomize');
}
