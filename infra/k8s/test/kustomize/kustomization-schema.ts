import { z } from 'zod';

/**
 * The subset of kustomization.yaml the offline renderer implements. Strict objects: a field the
 * renderer does not implement fails here instead of being silently ignored, which keeps the
 * manifests inside what the test can check.
 */
const labels = z
  .array(
    z.strictObject({
      pairs: z.record(z.string(), z.string()),
      includeTemplates: z.boolean().optional(),
      // Selectors are immutable once applied; the renderer only supports leaving them alone.
      includeSelectors: z.literal(false).optional(),
    }),
  )
  .optional();

const configMapGenerator = z
  .array(
    z.strictObject({
      name: z.string().min(1),
      // create (the default) in the kustomization that owns it; merge in an overlay or component.
      behavior: z.enum(['create', 'merge']).optional(),
      // KEY=VALUE, unquoted (kustomize would strip quotes; the renderer does not).
      literals: z.array(z.string().regex(/^[\w.-]+=(?!['"])/, 'KEY=VALUE without quotes')),
    }),
  )
  .optional();

/** A strategic-merge patch file, applied by name or to every object a target selects. */
const patches = z
  .array(
    z.strictObject({
      path: z.string().regex(/\.ya?ml$/),
      target: z
        .strictObject({
          kind: z.string().min(1).optional(),
          name: z.string().min(1).optional(),
          // `key=value[,key=value]` only.
          labelSelector: z
            .string()
            .regex(/^[\w./-]+=[\w.-]+(,[\w./-]+=[\w.-]+)*$/)
            .optional(),
        })
        .optional(),
    }),
  )
  .optional();

const images = z
  .array(
    z.strictObject({
      name: z.string().min(1),
      newName: z.string().min(1).optional(),
      newTag: z.string().min(1).optional(),
      digest: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/)
        .optional(),
    }),
  )
  .optional();

const replicas = z
  .array(z.strictObject({ name: z.string().min(1), count: z.number().int().min(0) }))
  .optional();

// Local YAML files and directories (another kustomization); no remote bases.
const resources = z
  .array(z.string().regex(/^[\w./-]+$/, 'a local file or directory'))
  .optional()
  .default([]);

const common = {
  resources,
  components: z.array(z.string().regex(/^[\w./-]+$/)).optional(),
  configMapGenerator,
  patches,
};

export const kustomizationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
    kind: z.literal('Kustomization'),
    namespace: z.string().min(1).optional(),
    labels,
    images,
    replicas,
    ...common,
  }),
  // A component adds resources and patches whatever the including kustomization holds so far.
  z.strictObject({
    apiVersion: z.literal('kustomize.config.k8s.io/v1alpha1'),
    kind: z.literal('Component'),
    ...common,
  }),
]);

export type Kustomization = z.infer<typeof kustomizationSchema>;
