import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domains } from '@shop/api/client';
import { describe, expect, it } from 'vitest';
import { type KubeObject, parseKubeObjects } from './kustomize/kube-object';
import { secretRefs } from './support/env';
import { containerOf, deploymentsIn, nameOf } from './support/kube-models';
import { validatePercona } from './support/percona-schema';
import { renderedOverlay, selfHostedOverlays } from './support/rendered-base';

/** Each domain's database name, as packages/db declares it (`domainDatabases`). */
function domainDatabases(): Record<string, string> {
  const source = readFileSync(
    fileURLToPath(new URL('../../../packages/db/src/domains.ts', import.meta.url)),
    'utf8',
  );
  const block = /domainDatabases = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/(\w+):\s*'(\w+)'/g)].map((match) => [match[1], match[2]]),
  );
}

const databases = domainDatabases();
const writeActions = ['insert', 'update', 'remove', 'dropCollection', 'dropDatabase'];
// Cells that read the catalogue through the product cell's read-only view (cells/product/public.ts).
const catalogReaders = ['search', 'notification'];

interface PerconaSpec {
  tls: { mode: string };
  replsets: {
    name: string;
    size: number;
    affinity: { antiAffinityTopologyKey: string };
    podDisruptionBudget: { maxUnavailable: number };
    volumeSpec: { persistentVolumeClaim: { storageClassName: string } };
  }[];
  users: { name: string; db: string; roles: { name: string; db: string }[] }[];
  roles: {
    role: string;
    db: string;
    privileges: { resource: { db: string }; actions: string[] }[];
  }[];
  backup: {
    enabled: boolean;
    pitr: { enabled: boolean; oplogSpanMin: number };
    storages: Record<
      string,
      { type: string; s3: { serverSideEncryption?: { sseAlgorithm?: string } } }
    >;
    tasks: {
      enabled: boolean;
      schedule: string;
      storageName: string;
      retention: { type: string; count: number };
    }[];
  };
}

function uriTemplates(objects: KubeObject[]): Record<string, string> {
  const secret = objects.find(
    (object) => object.kind === 'ExternalSecret' && object.metadata.name === 'shop-secrets',
  );
  return (secret?.spec as { target: { template: { data: Record<string, string> } } }).target
    .template.data;
}

it('reads the database names from packages/db', () => {
  expect(databases.product).toBe('products_db');
  expect(databases.search).toBe('search_db');
  expect(Object.keys(databases)).toHaveLength(9);
});

describe.each(selfHostedOverlays)('MongoDB in overlay %s', (overlay) => {
  const objects = renderedOverlay(overlay);
  const mongodb = objects.find((object) => object.kind === 'PerconaServerMongoDB');
  const spec = mongodb?.spec as PerconaSpec;

  it('is a three-member replica set, one member per node, TLS required, encrypted volumes', () => {
    const [replset, ...others] = spec.replsets;
    expect(others).toEqual([]);
    expect(replset?.size).toBe(3);
    expect(replset?.affinity.antiAffinityTopologyKey).toBe('kubernetes.io/hostname');
    expect(replset?.podDisruptionBudget.maxUnavailable).toBe(1);
    expect(replset?.volumeSpec.persistentVolumeClaim.storageClassName).toBe('shop-encrypted');
    expect(spec.tls.mode).toBe('requireTLS');
  });

  it("gives each cell a user that reaches only its own domain's database", () => {
    expect(spec.users.map((user) => user.name).sort()).toEqual(
      domains.map((domain) => `shop-${domain}`).sort(),
    );
    for (const domain of domains) {
      const user = spec.users.find((each) => each.name === `shop-${domain}`);
      const readWrite = user?.roles.filter((role) => role.name === 'readWrite');
      expect(readWrite, domain).toEqual([{ name: 'readWrite', db: databases[domain] }]);
      // Search and notification have one more role: reading the catalogue (next test).
      if (!catalogReaders.includes(domain)) expect(user?.roles, domain).toHaveLength(1);
    }
  });

  it.each(catalogReaders)('lets %s read products_db and write nothing there', (domain) => {
    const user = spec.users.find((each) => each.name === `shop-${domain}`);
    const others = user?.roles.filter((each) => each.name !== 'readWrite') ?? [];
    expect(others).toHaveLength(1);
    const custom = spec.roles.find((each) => each.role === others[0]?.name);
    expect(custom?.privileges.map((privilege) => privilege.resource.db)).toEqual([
      databases.product,
    ]);
    const actions = custom?.privileges.flatMap((privilege) => privilege.actions) ?? [];
    expect(actions).toContain('find');
    for (const action of writeActions) expect(actions).not.toContain(action);
  });

  it("builds each cell's MONGODB_URI from its own user, over TLS, and each cell reads its own", () => {
    const templates = uriTemplates(objects);
    for (const domain of domains) {
      const key = `MONGODB_URI_${domain.toUpperCase()}`;
      expect(templates[key], key).toMatch(
        new RegExp(
          `^mongodb://shop-${domain}:\\{\\{ \\.MONGODB_PASSWORD_${domain.toUpperCase()} \\| urlquery \\}\\}@`,
        ),
      );
      expect(templates[key]).toContain('replicaSet=rs0');
      expect(templates[key]).toContain('tls=true');
      const deployment = deploymentsIn(objects).find((each) => nameOf(each) === domain);
      if (!deployment) throw new Error(`no ${domain}`);
      expect(secretRefs(containerOf(deployment)).MONGODB_URI).toBe(`shop-secrets/${key}`);
    }
  });

  if (overlay !== 'dev') {
    it('backs up daily, keeps 30 days, and ships the oplog every 5 minutes (RPO), encrypted', () => {
      expect(spec.backup.enabled).toBe(true);
      expect(spec.backup.pitr.enabled).toBe(true);
      expect(spec.backup.pitr.oplogSpanMin).toBeLessThanOrEqual(5);
      const [daily, ...others] = spec.backup.tasks.filter((task) => task.enabled);
      expect(others).toEqual([]);
      expect(daily?.schedule).toMatch(/^\d+ \d+ \* \* \*$/);
      expect(daily?.retention).toMatchObject({ type: 'count', count: 30 });
      const storage = spec.backup.storages[daily?.storageName ?? ''];
      expect(storage?.type).toBe('s3');
      expect(storage?.s3.serverSideEncryption?.sseAlgorithm).toBe('aws:kms');
    });

    it('alerts when the newest backup is older than a day', () => {
      const rule = objects.find((object) => object.kind === 'PrometheusRule');
      const rules = (
        rule?.spec as { groups: { rules: { alert: string; expr: string }[] }[] }
      ).groups.flatMap((group) => group.rules);
      const tooOld = rules.find((each) => each.alert === 'MongoDBBackupTooOld');
      expect(tooOld?.expr).toContain('psmdb_backup_completed_timestamp_seconds');
      expect(tooOld?.expr).toMatch(/> 26 \* 3600$/);
    });
  }
});

describe('MongoDB in overlay prod-managed (Atlas)', () => {
  const objects = renderedOverlay('prod-managed');

  it('runs no database in the cluster and gives each cell its own Atlas user over TLS', () => {
    expect(objects.some((object) => object.kind === 'PerconaServerMongoDB')).toBe(false);
    const templates = uriTemplates(objects);
    for (const domain of domains) {
      expect(templates[`MONGODB_URI_${domain.toUpperCase()}`]).toMatch(
        new RegExp(`^mongodb\\+srv://shop-${domain}:`),
      );
    }
  });
});

describe('the restore runbook (docs/operations/restore.md)', () => {
  const runbook = readFileSync(
    fileURLToPath(new URL('../../../docs/operations/restore.md', import.meta.url)),
    'utf8',
  );
  const manifests = [...runbook.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((match) =>
    parseKubeObjects(match[1] ?? '', 'restore.md'),
  );
  const prod = renderedOverlay('prod');
  const mongodb = prod.find((object) => object.kind === 'PerconaServerMongoDB');
  const storages = Object.keys((mongodb?.spec as PerconaSpec).backup.storages);

  it('gives restore and backup manifests that the operator accepts, for this cluster', () => {
    expect(manifests.map((each) => each.kind).sort()).toEqual([
      'PerconaServerMongoDBBackup',
      'PerconaServerMongoDBRestore',
      'PerconaServerMongoDBRestore',
    ]);
    for (const manifest of manifests) {
      const kind = manifest.kind as 'PerconaServerMongoDBRestore' | 'PerconaServerMongoDBBackup';
      expect(() => validatePercona(kind, manifest), manifest.metadata.name).not.toThrow();
      const spec = manifest.spec as {
        clusterName: string;
        storageName?: string;
        pitr?: { type: string; date?: string };
      };
      expect(spec.clusterName).toBe(mongodb?.metadata.name);
      if (spec.storageName) expect(storages).toContain(spec.storageName);
      // The CRD's CEL rule (not evaluated by ajv): UTC as YYYY-MM-DD HH:MM:SS.
      if (spec.pitr?.type === 'date') {
        expect(spec.pitr.date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      }
    }
  });
});
