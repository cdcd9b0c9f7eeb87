/**
 * Access-token verification as a cell does it: RS256 with the auth cell's public keys fetched
 * once from its JWKS endpoint and then cached by jose (`remoteAuthKeySet`). Measures each
 * verification separately and reports the percentiles per token.
 *
 *   pnpm --filter @shop/bench auth-token-verify          # 20,000 verifications of 500 tokens
 *   BENCH_VERIFICATIONS=100000 pnpm --filter @shop/bench auth-token-verify
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { createAccessTokenVerifier, remoteAuthKeySet, signAccessToken } from '@shop/api/identity';
import { describeMachine } from './machine';

const verifications = Number(process.env.BENCH_VERIFICATIONS ?? 20_000);
const distinctTokens = 500;

// A key pair like the auth cell's (RSA 2048), published the way the auth cell publishes it.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
const { kty, n, e } = publicKey.export({ format: 'jwk' });
const jwks = JSON.stringify({ keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] });
const jwksServer = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(jwks);
});
await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
const { port } = jwksServer.address() as AddressInfo;

try {
  const signingKey = {
    kid,
    privateKey: await crypto.subtle.importKey(
      'jwk',
      privateKey.export({ format: 'jwk' }),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    ),
  };
  const tokens = await Promise.all(
    Array.from({ length: distinctTokens }, async (_, index) => {
      const { accessToken } = await signAccessToken(signingKey, {
        accountId: `account-${index}`,
        email: `user${index}@example.com`,
        roles: ['customer'],
        sessionId: randomUUID(),
      });
      return `Bearer ${accessToken}`;
    }),
  );
  const verify = createAccessTokenVerifier(
    remoteAuthKeySet(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`)),
  );

  // Warm-up: the first call fetches the key set; then JIT settles.
  for (let i = 0; i < 2_000; i += 1) await verify(tokens[i % distinctTokens]);

  const samples = new Float64Array(verifications);
  const startedAt = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < verifications; i += 1) {
    const before = process.hrtime.bigint();
    const identity = await verify(tokens[i % distinctTokens]);
    samples[i] = Number(process.hrtime.bigint() - before) / 1e6;
    if (!identity) throw new Error('a genuine token did not verify');
  }
  const totalMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  // CPU time is what a verification costs; wall-clock tails also show how busy the machine was.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerToken = (cpu.user + cpu.system) / 1000 / verifications;
  samples.sort();
  const at = (q: number) =>
    Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(4));
  process.stdout.write(
    JSON.stringify(
      {
        machine: describeMachine(),
        verifications,
        distinctTokens,
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        verificationsPerSecond: Math.round(verifications / (totalMs / 1000)),
        cpuMsPerToken: Number(cpuMsPerToken.toFixed(4)),
        perTokenMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  jwksServer.close();
}
