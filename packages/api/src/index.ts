/**
 * `@shop/api`: the server side (routers, cells, events, identity). Node only. Browsers and the
 * apps' client code import `@shop/api/client` instead; the host lives at `@shop/api/host`.
 */
export { appRouter, type AppRouter } from './router';
export { cellLoaders, loadCells } from './cells/registry';
export { type CellDefinition, type CellDatabase } from './cells/cell-definition';
export { domains, isDomain, type Domain } from './domains';
export { shopEvents } from './events/schemas';
export { inngestFor, sendEvent } from './events/inngest-client';
export { cellClient } from './cross-cell/cell-client';
export { type Identity } from './identity/identity';
export {
  roles,
  staffRoles,
  permissions,
  rolePermissions,
  permissionsForRoles,
  type Role,
  type Permission,
} from './identity/permissions';
