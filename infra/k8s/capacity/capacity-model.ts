import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The capacity model (docs/capacity.md): measured CPU and memory per Deployment, the seed's target
 * load, and the rules that turn them into pods. `model.json` holds the inputs, each with where it
 * was measured or why it is assumed; this module derives the pods, and
 * test/capacity.test.ts holds the manifests to them. Objects are strict: a misspelt field fails
 * instead of being ignored.
 */

/** A number and where it comes from: `measured: ...`, `derived: ...`, `seed: ...` or `assumption: ...`. */
const figure = z.strictObject({
  value: z.number().nonnegative(),
  source: z
    .string()
    .regex(/^(measured|derived|seed|assumption): .{10,}/s, 'say where the figure comes from'),
});
export type Figure = z.infer<typeof figure>;

/** A kind of work a Deployment does at the target: how often per platform request, and its CPU. */
const load = z.strictObject({
  what: z.string().min(3),
  /** Units of this work per request of the platform's mix (1 for every request, 0.02 for 2 %). */
  perRequest: figure,
  /** CPU seconds per unit, in the Deployment's process. */
  cpuSeconds: figure,
});

const cpuQuantity = z.string().regex(/^(\d+m|\d+)$/, 'CPU as 250m or 1');
const memoryQuantity = z.string().regex(/^\d+Mi$/, 'memory in Mi');

const deployment = z.strictObject({
  /** CPU per pod, both the request and the limit (infra/k8s/README.md, "Requests and limits"). */
  cpu: cpuQuantity,
  /** Memory per pod, both the request and the limit. */
  memory: memoryQuantity,
  /** Why this pod size. */
  why: z.string().min(10),
  loads: z.array(load).min(1),
  /** The highest resident set size measured for one such process under load. */
  peakRssMiB: figure,
  /** Pods kept beyond what the target needs (1: a pod can fail at the target; 0: retried work). */
  spare: z.union([z.literal(0), z.literal(1)]),
  /** Fewest pods whatever the load. */
  floor: z.number().int().min(1),
});
export type DeploymentModel = z.infer<typeof deployment>;

export const capacityModelSchema = z.strictObject({
  /** What the file is, for whoever opens it. */
  about: z.string(),
  target: z.strictObject({ requestsPerSecond: figure, concurrentUsers: figure }),
  rules: z.strictObject({
    /** The HPA's target: average CPU use as a fraction of the request. */
    hpaTargetUtilization: figure,
    /** Zones the pods spread over; losing one must leave enough CPU for the target. */
    zones: figure,
    /** How far above the target the autoscaler's maximum reaches. */
    burstFactor: figure,
    /** Memory limit over the measured peak RSS, at least. */
    memoryHeadroom: figure,
    /** Connections the database takes from every cell pool at once, at most. */
    databaseConnections: figure,
  }),
  deployments: z.record(z.string(), deployment),
});
export type CapacityModel = z.infer<typeof capacityModelSchema>;

export const modelPath = new URL('./model.json', import.meta.url);

export function readCapacityModel(): CapacityModel {
  return capacityModelSchema.parse(JSON.parse(readFileSync(modelPath, 'utf8')));
}

/** CPU quantity in cores: `250m` is 0.25. */
export function coresOf(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
}

/** Memory quantity in MiB: `256Mi` is 256. */
export function mebibytesOf(quantity: string): number {
  return Number(quantity.replace(/Mi$/, ''));
}

export interface DeploymentPlan {
  /** CPU the Deployment uses at the target rate, in cores. */
  cores: number;
  /** Pods at the autoscaler's target utilization for that CPU. */
  podsAtTarget: number;
  /**
   * Fewest pods that still hold the target at 100 % of their request after losing one zone (1 for
   * a Deployment without a spare pod: its work waits and is retried).
   */
  podsForZoneLoss: number;
  /** The Deployment's replicas and its autoscaler's minimum. */
  minReplicas: number;
  /** The autoscaler's maximum: the burst at its target utilization, plus the spare pod. */
  maxReplicas: number;
}

/**
 * The rules of docs/capacity.md, "From CPU to pods":
 * - pods at target = ceil(cores / (CPU per pod × target utilization));
 * - for a Deployment with a spare pod: after losing the busiest of `zones` zones
 *   (ceil(n / zones) pods) the rest hold the target at their full request;
 * - minimum = the larger of target + spare, the zone rule and the floor;
 * - maximum = ceil(burst × cores / (CPU per pod × target utilization)) + spare, above the minimum.
 */
export function planDeployment(model: CapacityModel, name: string): DeploymentPlan {
  const entry = model.deployments[name];
  if (!entry) throw new Error(`the capacity model has no Deployment ${name}`);
  const { hpaTargetUtilization, zones, burstFactor } = model.rules;
  const perPod = coresOf(entry.cpu);
  const cores = entry.loads.reduce(
    (sum, each) =>
      sum + model.target.requestsPerSecond.value * each.perRequest.value * each.cpuSeconds.value,
    0,
  );
  // Rounded to the millicore first, so a figure like 2.1000000001 does not add a pod.
  const podsFor = (needed: number) => Math.ceil(Number(needed.toFixed(3)));
  const podsAtTarget = Math.max(1, podsFor(cores / (perPod * hpaTargetUtilization.value)));
  // Only Deployments that keep a spare pod (shoppers wait on them) must also survive a zone.
  let podsForZoneLoss = 1;
  while (
    entry.spare > 0 &&
    (podsForZoneLoss - Math.ceil(podsForZoneLoss / zones.value)) * perPod < cores
  ) {
    podsForZoneLoss += 1;
  }
  const minReplicas = Math.max(podsAtTarget + entry.spare, podsForZoneLoss, entry.floor);
  const burst = podsFor((burstFactor.value * cores) / (perPod * hpaTargetUtilization.value));
  const maxReplicas = Math.max(burst + entry.spare, minReplicas + 1);
  return { cores, podsAtTarget, podsForZoneLoss, minReplicas, maxReplicas };
}

/** The table docs/capacity.md shows, one row per Deployment, in the model's order. */
export function capacityTable(model: CapacityModel): string {
  const rows = Object.entries(model.deployments).map(([name, entry]) => {
    const plan = planDeployment(model, name);
    return [
      name,
      plan.cores.toFixed(2),
      entry.cpu,
      String(plan.podsAtTarget),
      String(plan.podsForZoneLoss),
      String(plan.minReplicas),
      String(plan.maxReplicas),
      `${Math.round(entry.peakRssMiB.value)} MiB`,
      entry.memory,
    ];
  });
  const header = [
    'Deployment',
    'cores at target',
    'CPU per pod',
    `pods at ${Math.round(model.rules.hpaTargetUtilization.value * 100)} %`,
    'pods for zone loss',
    'min (replicas)',
    'max',
    'peak RSS',
    'memory per pod',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
