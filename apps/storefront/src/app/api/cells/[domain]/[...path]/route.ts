import { cellUrlsFromEnv } from '@shop/api/client';
import type { NextRequest } from 'next/server';
import { createGateway, rateLimitOptionsFromEnv, TokenBucketRateLimiter } from '@shop/api/gateway';

// Every call is live: nothing here may be cached or prerendered at build time.
export const dynamic = 'force-dynamic';

const forward = createGateway({
  urlFor: cellUrlsFromEnv(),
  limiter: new TokenBucketRateLimiter(rateLimitOptionsFromEnv()),
});

type Context = RouteContext<'/api/cells/[domain]/[...path]'>;

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  return forward(request, await context.params);
}

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  return forward(request, await context.params);
}
