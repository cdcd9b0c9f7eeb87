import { type IContainer } from 'kubernetes-models/v1/Container';
import { type IContainerPort } from 'kubernetes-models/v1/ContainerPort';

/** The container port a probe or Service `targetPort` points at, by name or number. */
export function resolveContainerPort(
  container: IContainer,
  reference: number | string | undefined,
): IContainerPort | undefined {
  return (container.ports ?? []).find((port) =>
    typeof reference === 'number' ? port.containerPort === reference : port.name === reference,
  );
}
