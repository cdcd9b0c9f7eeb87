/**
 * The yardstick of the cell-host benchmark: a bare `node:http` server answering every request
 * with the JSON a cell host answers to `product.status` (same body shape, built per request as
 * the host builds it, same content type), and nothing else: no routing, credential, request id,
 * metrics, tracing, request scope, logging or tRPC. Started by `cell-host.ts` on the host's core.
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 4910);

const server = createServer((_req, res) => {
  const body = JSON.stringify({
    result: {
      data: {
        cell: 'product',
        ok: true,
        version: '0.0.0',
        uptimeSeconds: Math.round(process.uptime()),
      },
    },
  });
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`bare server on ${port}\n`));
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
