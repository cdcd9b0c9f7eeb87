/**
 * The parts of a workflow this repository's rules look at. Everything else is left to
 * action-validator's schema check, which runs first.
 */
export type Job = { uses?: unknown; permissions?: unknown; 'timeout-minutes'?: unknown };
export type Workflow = { permissions?: unknown; jobs: Record<string, Job> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed YAML as a workflow, or an error naming what is not one. */
export function asWorkflow(parsed: unknown, name: string): Workflow {
  if (!isRecord(parsed) || !isRecord(parsed.jobs)) throw new Error(`${name}: no jobs mapping`);
  const jobs: Record<string, Job> = {};
  for (const [id, value] of Object.entries(parsed.jobs)) {
    if (!isRecord(value)) throw new Error(`${name}: job ${id} is not a mapping`);
    jobs[id] = value;
  }
  return { permissions: parsed.permissions, jobs };
}

/** What a job is missing under this repository's rules (empty when it complies). */
export function jobProblems(name: string, value: Job): string[] {
  const problems: string[] = [];
  // Each job states its own token scopes: the workflow-level `permissions: {}` grants nothing.
  if (value.permissions === undefined) problems.push(`${name}: no permissions`);
  // A job calling a reusable workflow cannot set timeout-minutes (GitHub rejects it); the called
  // workflow's own jobs carry their timeouts.
  if (value.uses === undefined && value['timeout-minutes'] === undefined) {
    problems.push(`${name}: no timeout-minutes`);
  }
  return problems;
}
