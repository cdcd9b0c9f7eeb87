import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const monitoringDirectory = new URL('../../components/monitoring', import.meta.url).pathname;

/** Why promtool cannot run here, or undefined when it can (Debian's `prometheus` package). */
export function promtoolUnavailableReason(): string | undefined {
  const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return found.error || found.status !== 0
    ? 'promtool is not installed (apt-get install prometheus; .ci/run installs it)'
    : undefined;
}

/** Runs promtool; resolves with its output, or throws with it when promtool reports a failure. */
export function promtool(args: string[], cwd?: string): string {
  try {
    return execFileSync('promtool', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(
      `promtool ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
}

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: AlertRule[];
}

/** Every rule group of every PrometheusRule in components/monitoring. */
export function monitoringRuleGroups(): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const file of readdirSync(monitoringDirectory).filter((name) => name.endsWith('.yaml'))) {
    for (const document of parseAllDocuments(
      readFileSync(join(monitoringDirectory, file), 'utf8'),
    )) {
      const object = document.toJS() as { kind?: string; spec?: { groups?: RuleGroup[] } } | null;
      if (object?.kind === 'PrometheusRule') groups.push(...(object.spec?.groups ?? []));
    }
  }
  return groups;
}
