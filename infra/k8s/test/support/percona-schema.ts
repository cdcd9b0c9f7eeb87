import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { type KubeObject } from '../kustomize/kube-object';

/**
 * Percona Operator for MongoDB's CRD schemas, vendored from the operator's repository
 * (github.com/percona/percona-server-mongodb-operator, tag v1.22.0, deploy/crd.yaml: the
 * openAPIV3Schema of each kind's storage version), because no npm package carries them. Keep the
 * version equal to `crVersion` in components/mongodb-percona/mongodb.yaml.
 */
export const perconaOperatorVersion = '1.22.0';

// Kubernetes' structural schemas use x-kubernetes-* keywords and OpenAPI formats (int64, ...)
// ajv does not know: not strict, formats not checked (types and structure are).
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

type PerconaKind =
  'PerconaServerMongoDB' | 'PerconaServerMongoDBBackup' | 'PerconaServerMongoDBRestore';

const validators = new Map<PerconaKind, ReturnType<typeof ajv.compile>>();

function validatorFor(kind: PerconaKind) {
  let validator = validators.get(kind);
  if (!validator) {
    const url = new URL(`../schemas/percona-server-mongodb-operator/${kind}.json`, import.meta.url);
    validator = ajv.compile(JSON.parse(readFileSync(url, 'utf8')) as object);
    validators.set(kind, validator);
  }
  return validator;
}

/** Throws naming every schema violation, as the other kinds' validate() does. */
export function validatePercona(kind: PerconaKind, object: KubeObject | object): void {
  const validate = validatorFor(kind);
  if (!validate(object)) {
    throw new Error(
      (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join('; '),
    );
  }
}
