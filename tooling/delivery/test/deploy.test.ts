import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../src/repo-root';
import { workflowFiles } from '../src/workflow-files';

const run = promisify(execFile);
const overlays = path.join(repoRoot, 'infra/k8s/overlays');
const imagesWorkflow = workflowFiles().find((workflow) => workflow.name === 'images.yml');
const ourImages = ['cell', 'storefront', 'admin'];

// kubectl is on GitHub's runners and on some of the project's machines, not all.
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

describe('the staging deploy (images.yml deploy-staging)', () => {
  it('targets image names the staging overlay declares', () => {
    const kustomization = parse(
      readFileSync(path.join(overlays, 'staging/kustomization.yaml'), 'utf8'),
    ) as { images?: { name: string }[] };
    const declared = (kustomization.images ?? []).map((image) => image.name).sort();
    expect(declared).toEqual(ourImages.map((name) => `shop/${name}`).sort());
    expect(imagesWorkflow?.text).toContain('working-directory: infra/k8s/overlays/staging');
    expect(imagesWorkflow?.text).toMatch(/for image in cell storefront admin; do/);
    expect(imagesWorkflow?.text).toContain(
      'kustomize edit set image "shop/${image}=ghcr.io/${repo}/shop/${image}:${tag}"',
    );
  });

  it('sets references the overlays test accepts (registry path ending in shop/<image>, a tag)', () => {
    // The rule from infra/k8s/test/overlays.test.ts ("pulls our images from one registry...").
    const overlayRule = /^[\w.-]+(:\d+)?\/[\w./-]*shop\/(cell|storefront|admin):[\w.-]+$/;
    const sha = '0123456789abcdef0123456789abcdef01234567';
    for (const name of ourImages) {
      expect(`ghcr.io/acme-shop/platform.web/shop/${name}:sha-${sha}`).toMatch(overlayRule);
    }
  });

  it.skipIf(!hasKubectl)(
    'every overlay renders with kubectl kustomize, as the manifests job does (skipped without kubectl)',
    async () => {
      const names = readdirSync(overlays, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      expect(names).toEqual(expect.arrayContaining(['dev', 'staging', 'prod']));
      const rendered = await Promise.all(
        names.map((name) =>
          run('kubectl', ['kustomize', path.join(overlays, name)], {
            maxBuffer: 64 * 1024 * 1024,
          }),
        ),
      );
      for (const { stdout } of rendered) expect(stdout).toMatch(/^kind: Deployment$/m);
    },
  );
});
