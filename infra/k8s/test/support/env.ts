import { type IContainer } from 'kubernetes-models/v1/Container';

/** The literal value of an env var set directly on the container, or undefined. */
export function literalEnv(container: IContainer, name: string): string | undefined {
  return container.env?.find((variable) => variable.name === name)?.value;
}

/** `{ variable: secretName/key }` for every env var the container takes from a Secret. */
export function secretRefs(container: IContainer): Record<string, string> {
  return Object.fromEntries(
    (container.env ?? []).flatMap((variable) => {
      const ref = variable.valueFrom?.secretKeyRef;
      return ref ? [[variable.name, `${ref.name}/${ref.key}`]] : [];
    }),
  );
}
