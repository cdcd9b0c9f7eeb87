import { type Connection } from 'mongoose';
import { categoryModel } from './category-model';
import { collectionModel } from './collection-model';
import { csvImportModel } from './csv-import-model';
import { inventoryItemModel } from './inventory-item-model';
import { productModel } from './product-model';
import { reservationModel } from './reservation-model';
import { stockMovementModel } from './stock-movement-model';

export * from './category-model';
export * from './collection-model';
export * from './csv-import-model';
export * from './inventory-item-model';
export * from './product-model';
export * from './reservation-model';
export * from './stock-movement-model';

/** The product domain's models, bound to the product database connection. */
export function productModels(connection: Connection) {
  return {
    Category: categoryModel(connection),
    Collection: collectionModel(connection),
    CsvImport: csvImportModel(connection),
    InventoryItem: inventoryItemModel(connection),
    Product: productModel(connection),
    Reservation: reservationModel(connection),
    StockMovement: stockMovementModel(connection),
  };
}
export type ProductModels = ReturnType<typeof productModels>;
