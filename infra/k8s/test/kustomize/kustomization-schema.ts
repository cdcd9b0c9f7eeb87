import { z } from 'zod';

/**
 * The subset of kustomization.yaml the offline renderer implements. Strict objects: a field the
 * renderer does not implement fails here instead of being silently ignored, which keeps the base
 * inside what the test can check.
 */
export const kustomizationSchema = z.strictObject({
  apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
  kind: z.literal('Kustomization'),
  namespace: z.string().min(1).optional(),
  labels: z
    .array(
      z.strictObject({
        pairs: z.record(z.string(), z.string()),
        includeTemplates: z.boolean().optional(),
        // Selectors are immutable once applied; the renderer only supports leaving them alone.
        includeSelectors: z.literal(false).optional(),
      }),
    )
    .optional(),
  // Local files only: no directories, remote bases or components.
  resources: z.array(z.string().regex(/\.ya?ml$/, 'the renderer loads YAML files only')),
  configMapGenerator: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        // KEY=VALUE, unquoted (kustomize would strip quotes; the renderer does not).
        literals: z.array(z.string().regex(/^[\w.-]+=(?!['"])/, 'KEY=VALUE without quotes')),
      }),
    )
    .optional(),
  images: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        newName: z.string().min(1).optional(),
        newTag: z.string().min(1).optional(),
      }),
    )
    .optional(),
});

export type Kustomization = z.infer<typeof kustomizationSchema>;
