// The API gateway of DESIGN.md: both Next.js apps mount it at /api/cells/<domain>/... to forward
// the browser's tRPC calls to the owning cell, adding a request id, a rate limit and (with the
// identity work) the signed-in user's access token. Web-standard Request/Response only, so it runs
// in any Next.js route handler and loads no cell code.
export { createGateway, type GatewayOptions, type GatewayTarget } from './create-gateway';
export { rateLimitOptionsFromEnv, TokenBucketRateLimiter } from './rate-limiter';
export { clientAddressOf } from './client-address';
export { crossSiteRefusal, type CrossSiteRefusal } from './cross-site';
export {
  attachCartToken,
  cartCookieName,
  cartTokenFromCookies,
  cartTokenHeader,
} from './cart-token';
export { attachIdentity, defaultSessionCookieNames, type IdentityOptions } from './identity';
export { requestIdFrom } from './request-id';
export { gatewayRouteHandlers } from './route-handlers';
export { productImageReadHandlers, productImageUploadHandlers } from './product-media-routes';
export { reviewPhotoReadHandlers, reviewPhotoUploadHandlers } from './review-photo-routes';
