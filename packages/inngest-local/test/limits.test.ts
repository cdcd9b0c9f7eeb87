import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLimits } from '../src/engine/executor-config';
import { startExecutor } from './support/executor';
import { waitForRunEnd } from './support/read-api';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The real engine's limits (inngest/inngest pkg/consts/consts.go) and its errors: a function that
 * would fail in production fails here. Run state and step count use lowered limits so the test
 * stays small; event size and step output use the defaults.
 */
describe('limits', () => {
  let executor: Awaited<ReturnType<typeof startExecutor>>;
  let app: TestApp;

  beforeAll(async () => {
    executor = await startExecutor({
      tuning: { limits: { maxStateBytes: 20_000, maxSteps: 5 } },
    });
    app = await startTestApp(executor.url, (client) => [
      client.createFunction(
        { id: 'huge-output', retries: 0, triggers: [{ event: 'shop/huge-output' }] },
        async ({ step }) => step.run('export', () => 'x'.repeat(4 * 1024 * 1024 + 1)),
      ),
      client.createFunction(
        { id: 'big-state', retries: 0, triggers: [{ event: 'shop/big-state' }] },
        async ({ step }) => {
          for (let page = 0; page < 4; page++) {
            await step.run(`page-${page}`, () => 'y'.repeat(6_000));
          }
          return 'done';
        },
      ),
      client.createFunction(
        { id: 'many-steps', retries: 0, triggers: [{ event: 'shop/many-steps' }] },
        async ({ step }) => {
          for (let index = 0; index < 8; index++) await step.run(`step-${index}`, () => index);
          return 'done';
        },
      ),
    ]);
    await app.sync();
  });

  afterAll(async () => {
    await app?.stop();
    await executor?.stop();
  });

  const post = (body: unknown) =>
    fetch(`${executor.url}/e/any`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('defaults to the engine limits', () => {
    expect(engineLimits).toEqual({
      maxEventBytes: 512 * 1024,
      maxStepOutputBytes: 4 * 1024 * 1024,
      maxStateBytes: 32 * 1024 * 1024,
      maxSteps: 1_000,
    });
  });

  it('refuses an event over 512 KiB with the engine message, and takes one just under it', async () => {
    const tooBig = await post({ name: 'shop/import', data: { blob: 'z'.repeat(512 * 1024) } });
    expect(tooBig.status).toBe(400);
    expect(((await tooBig.json()) as { error: string }).error).toMatch(
      /^Event is over the max size: Max 524288 bytes \/ Size \d+ bytes$/,
    );
    const fits = await post({ name: 'shop/import', data: { blob: 'z'.repeat(500 * 1024) } });
    expect(fits.status).toBe(200);
  });

  it('refuses events named with the reserved inngest/ prefix', async () => {
    for (const name of ['inngest/function.failed', 'Inngest/function.finished']) {
      const response = await post({ name, data: { function_id: 'x' } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe(
        `event name is reserved for internal use: ${name}`,
      );
    }
  });

  it('fails a run whose step returns more than 4 MiB', async () => {
    const { ids } = await app.client.send({ name: 'shop/huge-output', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(JSON.stringify(run.output)).toContain('step output size is greater than the limit');
  });

  it('fails a run whose state would exceed the state limit, without retries', async () => {
    const { ids } = await app.client.send({ name: 'shop/big-state', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(run.output).toMatchObject({
      name: 'InngestErrStateOverflowed',
      message: 'The function run exceeded the state size limit of 20000 bytes.',
    });
  });

  it('fails a run that reaches the step limit', async () => {
    const { ids } = await app.client.send({ name: 'shop/many-steps', data: {} });
    const run = await waitForRunEnd(executor.url, ids[0] ?? '');
    expect(run.status).toBe('Failed');
    expect(run.output).toMatchObject({
      name: 'InngestErrFunctionOverflowed',
      message: 'The function run exceeded the step limit of 5 steps.',
    });
  });
});
