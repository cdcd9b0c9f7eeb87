import { productModels } from '@shop/db/product';
import { domainDatabase } from '../domain-database';

/** products_db: only the product cell opens it. */
export const productDatabase = domainDatabase('product', productModels);
