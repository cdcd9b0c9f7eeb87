import type { HttpRoute } from '../cell-definition';
import { publishedKeySet } from './signing-keys';

/** `GET /.well-known/jwks.json`: the public keys other cells verify access tokens with. */
export const jwksRoute: HttpRoute = async (_req, res) => {
  const body = JSON.stringify(await publishedKeySet());
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'public, max-age=60');
  res.end(body);
};
