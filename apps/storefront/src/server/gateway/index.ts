export { createGateway, type GatewayOptions, type GatewayTarget } from './create-gateway';
export { rateLimitOptionsFromEnv, TokenBucketRateLimiter } from './rate-limiter';
