import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  optionalSecretKeys,
  secretKeyOf,
  secretKeysByWorkload,
  secretName,
} from './support/capacity-plan';
import { secretRefs } from './support/env';
import { configMapsIn, deploymentsIn, nameOf, podSpecOf } from './support/kube-models';
import { baseDirectory, renderedBase } from './support/rendered-base';

const objects = renderedBase();
const deployments = deploymentsIn(objects);
const dockerDirectory = fileURLToPath(new URL('../../docker', import.meta.url));

/** Names that hold credentials: they must only ever come from the Secret. */
const secretLookingName = /SECRET|PASSWORD|TOKEN|_KEY$|^MONGODB_URI$|^SMTP_URL$|CREDENTIAL/;

/** Shapes of real credential values. */
const credentialPatterns = [
  /mongodb(\+srv)?:\/\/[^/\s:@]+:[^/\s@]+@/, // URI with user:password
  /smtps?:\/\/[^/\s:@]+:[^/\s@]+@/, // SMTP URL with user:password
  /\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{8,}/, // Stripe keys
  /\bwhsec_[A-Za-z0-9]{8,}/, // Stripe webhook secret
  /\bsignkey-[a-z]+-[0-9a-f]{16,}/, // Inngest signing key
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

function expectedKeys(name: string): readonly string[] {
  if (name === 'payment') return secretKeysByWorkload.payment;
  if (name === 'auth') return secretKeysByWorkload.auth;
  if (name === 'order') return secretKeysByWorkload.order;
  if (name === 'review') return secretKeysByWorkload.review;
  if (name === 'product') return secretKeysByWorkload.product;
  if (name === 'notification') return secretKeysByWorkload.notification;
  if (name === 'storefront') return secretKeysByWorkload.storefront;
  if (name === 'admin') return secretKeysByWorkload.app;
  return secretKeysByWorkload.cell;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('secrets', () => {
  it('are never part of the base: the operator creates them', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it.each(deployments.map((deployment) => [nameOf(deployment), deployment] as const))(
    '%s reads exactly the secrets it needs, all from shop-secrets (its own database user)',
    (name, deployment) => {
      const spec = podSpecOf(deployment);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        const refs = secretRefs(container);
        const expected = Object.fromEntries(
          expectedKeys(name).map((key) => [key, `${secretName}/${secretKeyOf(name, key)}`]),
        );
        expect(refs).toEqual(expected);
        expect(container.envFrom?.some((source) => source.secretRef) ?? false).toBe(false);
      }
      expect(spec.volumes?.some((volume) => volume.secret) ?? false).toBe(false);
    },
  );

  it('are all required, except the signing-key fallback read only during a rotation', () => {
    for (const deployment of deployments) {
      for (const variable of podSpecOf(deployment).containers.flatMap((each) => each.env ?? [])) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const optional = (optionalSecretKeys as readonly string[]).includes(ref.key);
        expect(ref.optional ?? false, `${nameOf(deployment)} ${variable.name}`).toBe(optional);
      }
    }
  });

  it('have no literal values in any container environment', () => {
    for (const deployment of deployments) {
      for (const variable of podSpecOf(deployment).containers.flatMap((each) => each.env ?? [])) {
        if (secretLookingName.test(variable.name)) {
          expect(variable.value, `${nameOf(deployment)} ${variable.name}`).toBeUndefined();
          expect(variable.valueFrom?.secretKeyRef?.name).toBe(secretName);
        }
      }
    }
  });

  it('have no keys in the shared ConfigMap', () => {
    for (const configMap of configMapsIn(objects)) {
      const keys = Object.keys(configMap.data ?? {});
      expect(keys.filter((key) => secretLookingName.test(key))).toEqual([]);
    }
  });

  it('have no credential-shaped values in any manifest or Dockerfile', () => {
    const files = [...filesUnder(baseDirectory), ...filesUnder(dockerDirectory)];
    expect(files.length).toBeGreaterThan(12);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of credentialPatterns) expect(text, file).not.toMatch(pattern);
    }
  });

  it('would be caught by the credential patterns', () => {
    const leaks = [
      'MONGODB_URI=mongodb://shop:hunter2@mongo:27017',
      'SMTP_URL=smtps://apikey:SG.hunter2@smtp.sendgrid.net:465',
      'sk_live_51HqLyjWDarjtT1zdp7dc',
      'signkey-prod-0123456789abcdef0123',
    ];
    for (const leak of leaks) {
      expect(
        credentialPatterns.some((pattern) => pattern.test(leak)),
        leak,
      ).toBe(true);
    }
  });
});
