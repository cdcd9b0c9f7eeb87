import type { CellDefinition } from '../cell-definition';
import { productDatabase } from './database';
import { productFunctions } from './functions';
import {
  productImageReadPath,
  productImageUploadPath,
  readProductImageRoute,
  uploadProductImage,
} from './media-routes';
import { productRouter } from './router';

export const productCell: CellDefinition = {
  name: 'product',
  router: productRouter,
  functions: productFunctions,
  database: productDatabase.database,
  // Product images: uploads from the admin's server, reads for the apps' /media/product/[id].
  httpRoutes: {
    [productImageUploadPath]: { method: 'POST', handle: uploadProductImage },
    [productImageReadPath]: readProductImageRoute,
  },
};
