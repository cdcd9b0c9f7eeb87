/**
 * The browser- and server-safe entry point (`@shop/api/client`). Everything from the server is
 * imported as a type only, so bundles never pull in mongoose or the cells.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
// `import type` (not `import { type ... }`): the latter keeps a side-effect import of the
// server router under verbatimModuleSyntax, pulling mongoose and every cell into browser bundles.
import type { AppRouter } from '../router';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { domains, isDomain, type Domain } from '../domains';
export { createCellClient, type CellClientOptions, type CellHeaders } from './create-cell-client';
export { cellUrlsFromEnv, defaultShopCellUrl } from './cell-urls';
export { domainRoutingLink } from './domain-routing-link';
export type { ProductSummary, ProductDetail, Category } from '../cells/product/views';
export type {
  CategoryNode,
  ProductImage,
  ProductVariant,
  StockState,
} from '../cells/product/views';
export type { Facet, FacetValue, SearchResults, Suggestion } from '../cells/search/views';
export type { SearchSort } from '../cells/search/inputs';
export type {
  AddressKind,
  AddressView,
  CountryInfo,
  CustomerDetail,
  CustomerPage,
  CustomerSummary,
  ProfileView,
} from '../cells/user/views';
export type { Permission, Role } from '../identity/permissions';
export { TRPCClientError } from '@trpc/client';
export {
  callCell,
  cellFailureOf,
  logCellFailure,
  type CallCellOptions,
  type CellFailure,
  type CellResult,
} from './call-cell';
