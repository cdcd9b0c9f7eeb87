import { parseAllDocuments } from 'yaml';

/** The parts of any Kubernetes object the renderer reads; the rest is kept as parsed. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertKubeObject(value: unknown, source: string): asserts value is KubeObject {
  if (
    !isRecord(value) ||
    typeof value.apiVersion !== 'string' ||
    typeof value.kind !== 'string' ||
    !isRecord(value.metadata) ||
    typeof value.metadata.name !== 'string'
  ) {
    throw new Error(`${source}: a document without apiVersion, kind and metadata.name`);
  }
}

/** Every non-empty YAML document in `text`, each checked to be a Kubernetes object. */
export function parseKubeObjects(text: string, source: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) {
        throw new Error(`${source}: ${document.errors.map((error) => error.message).join('; ')}`);
      }
      return document.toJS() as unknown;
    })
    .filter((value) => value !== null)
    .map((value) => {
      assertKubeObject(value, source);
      return value;
    });
}

/** `Kind/namespace/name`: how kustomize tells objects apart. */
export function objectKey(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
