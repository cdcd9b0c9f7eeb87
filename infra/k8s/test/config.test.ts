import { appServerConfig, ConfigError, hostConfig } from '@shop/api/config';
import { describe, expect, it } from 'vitest';
import { type KubeObject } from './kustomize/kube-object';
import { secretRefs } from './support/env';
import { configMapsIn, containerOf, deploymentsIn, nameOf } from './support/kube-models';
import { overlayNames, renderedBase, renderedOverlay } from './support/rendered-base';

/** A stand-in for each Secret value, shaped as the config checks expect. */
const secretValue = (name: string) =>
  name === 'SMTP_URL' ? 'smtps://user:password@mail.example.com:465' : 'x'.repeat(40);

/** What a Deployment's container sees: the shared ConfigMap, its literals, its Secret refs. */
function podEnv(objects: KubeObject[], name: string): Record<string, string> {
  const shared = (configMapsIn(objects)[0]?.data ?? {}) as Record<string, string>;
  const deployment = deploymentsIn(objects).find((each) => nameOf(each) === name);
  if (!deployment) throw new Error(`no Deployment ${name}`);
  const container = containerOf(deployment);
  const literals = (container.env ?? []).flatMap((variable) =>
    variable.value === undefined ? [] : [[variable.name, variable.value] as const],
  );
  const secrets = Object.keys(secretRefs(container)).map((key) => [key, secretValue(key)] as const);
  return { ...shared, ...Object.fromEntries(literals), ...Object.fromEntries(secrets) };
}

function problems(check: () => unknown): readonly string[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const rendered: [string, KubeObject[]][] = [
  ['base', renderedBase()],
  ...overlayNames.map((name): [string, KubeObject[]] => [`overlay ${name}`, renderedOverlay(name)]),
];

describe.each(rendered)(
  'the manifests (%s) give every process what its start-up check requires',
  (_name, objects) => {
    it('run in production mode, so the production rules apply', () => {
      expect(configMapsIn(objects)[0]?.data?.NODE_ENV).toBe('production');
    });

    const cells = deploymentsIn(objects)
      .filter((deployment) => containerOf(deployment).name === 'cell')
      .map(nameOf);

    it('has all nine cells', () => {
      expect(cells).toHaveLength(9);
    });

    it.each(cells)('the %s cell host', (name) => {
      expect(problems(() => hostConfig.parse(podEnv(objects, name)))).toEqual([]);
    });

    it.each(['storefront', 'admin'])('the %s app', (name) => {
      // SHOP_APP_ENTRY is set at run time by the image's entry (server-entry.mjs), not the manifest.
      const env: Record<string, string | undefined> = {
        ...podEnv(objects, name),
        SHOP_APP_ENTRY: '1',
      };
      expect(problems(() => appServerConfig.parse(env))).toEqual([]);
      expect(env.NEXTAUTH_URL).toMatch(/^https:\/\//);
      expect(env.TRUSTED_PROXY_HOPS).toBe('1');
      if (name === 'storefront') {
        expect(env.STOREFRONT_PUBLIC_URL).toMatch(/^https:\/\//);
        expect(env.REVALIDATE_SECRET).toBeTruthy();
      }
    });
  },
);
