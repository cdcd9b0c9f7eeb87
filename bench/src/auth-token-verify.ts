/**
 * Access-token verification as a cell does it: RS256 with the auth cell's public keys fetched
 * once from its JWKS endpoint and then cached by jose (`remoteAuthKeySet`), and the session id
 * checked against the auth cell's revocation list (polled about once a second; here 1,000 revoked
 * sessions, none of them the tokens'). Measures each verification separately and reports the
 * percentiles per token, with the revocation check and without it (`keysOnly`), in one run.
 *
 *   pnpm --filter @shop/bench auth-token-verify          # 20,000 verifications of 500 tokens
 *   BENCH_VERIFICATIONS=100000 pnpm --filter @shop/bench auth-token-verify
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import {
  createAccessTokenVerifier,
  remoteAuthKeySet,
  revokedSessionsPath,
  signAccessToken,
  type AccessTokenVerifier,
} from '@shop/api/identity';
import { describeMachine } from './machine';

const verifications = Number(process.env.BENCH_VERIFICATIONS ?? 20_000);
const distinctTokens = 500;

// A key pair like the auth cell's (RSA 2048), published the way the auth cell publishes it.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
const { kty, n, e } = publicKey.export({ format: 'jwk' });
const jwks = JSON.stringify({ keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] });
const revokedSessions = JSON.stringify({
  sessions: Array.from({ length: 1_000 }, () => randomUUID()),
});
let revocationListFetches = 0;
const jwksServer = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === revokedSessionsPath) {
    revocationListFetches += 1;
    res.end(revokedSessions);
  } else res.end(jwks);
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
  const keySet = remoteAuthKeySet(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`));

  async function measure(verify: AccessTokenVerifier) {
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
    return {
      verificationsPerSecond: Math.round(verifications / (totalMs / 1000)),
      cpuMsPerToken: Number(cpuMsPerToken.toFixed(4)),
      perTokenMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    };
  }

  const keysOnly = await measure(createAccessTokenVerifier(keySet, null));
  const withRevocationList = await measure(createAccessTokenVerifier(keySet));
  process.stdout.write(
    JSON.stringify(
      {
        machine: describeMachine(),
        verifications,
        distinctTokens,
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        withRevocationList,
        keysOnly,
        revocationListFetches,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  jwksServer.close();
}
