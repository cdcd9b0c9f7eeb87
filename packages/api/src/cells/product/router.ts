import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  adjustInventoryInput,
  adjustStockInput,
  applyCsvImportInput,
  adminListInput,
  archiveInput,
  bulkInput,
  byIdInput,
  bySlugInput,
  categoryBySlugInput,
  collectionInput,
  commitStockInput,
  createCategoryInput,
  createInput,
  csvImportInput,
  csvImportReportInput,
  deleteCategoryInput,
  inventoryListInput,
  listInput,
  previewCsvImportInput,
  reorderCategoriesInput,
  releaseStockInput,
  reserveStockInput,
  returnStockInput,
  setRatingSummaryInput,
  setLowStockThresholdInput,
  sitemapEntriesInput,
  skuDetailsInput,
  startCsvImportInput,
  stockMovementsInput,
  updateCategoryInput,
  updateInput,
  uploadCsvImportPartInput,
} from './inputs';
import {
  bySlug,
  categories,
  categoryBySlug,
  categoryTree,
  collection,
  list,
  sitemapEntries,
} from './procedures/catalog';
import { setRatingSummary } from './procedures/ratings';
import { skuDetails } from './procedures/sku-details';
import {
  adjustStock,
  adminList,
  archive,
  bulk,
  byId,
  create,
  update,
} from './procedures/staff-catalog';
import {
  createCategory,
  deleteCategory,
  reorderCategories,
  updateCategory,
} from './procedures/staff-categories';
import {
  applyCsvImport,
  csvImport,
  csvImportReport,
  exportProductsCsv,
  previewCsvImport,
  startCsvImport,
  uploadCsvImportPart,
} from './procedures/staff-csv';
import {
  adjustInventory,
  inventoryList,
  setLowStockThreshold,
  stockMovements,
} from './procedures/staff-inventory';
import { commitStock, releaseStock, reserveStock, returnStock } from './procedures/stock-holds';
import {
  addToCollectionInput,
  adminCollectionsInput,
  collectionByIdInput,
  collectionPageInput,
  createCollectionInput,
  deleteCollectionInput,
  previewCollectionInput,
  productCollectionsInput,
  removeFromCollectionInput,
  updateCollectionInput,
} from './inputs/collections';
import { collectionLinks, collectionPage } from './procedures/collections';
import {
  addToCollection,
  adminCollections,
  collectionById,
  createCollection,
  deleteCollection,
  previewCollection,
  productCollections,
  removeFromCollection,
  updateCollection,
} from './procedures/staff-collections';

/** The product cell's procedures; each handler lives in procedures/<group>.ts. */
export const productRouter = router({
  status: statusProcedure('product'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('product'),

  // Shoppers: active products and the category tree (procedures/catalog.ts).
  list: publicProcedure.input(listInput).query(list),
  bySlug: publicProcedure.input(bySlugInput).query(bySlug),
  categories: publicProcedure.query(categories),
  categoryTree: publicProcedure.query(categoryTree),
  categoryBySlug: publicProcedure.input(categoryBySlugInput).query(categoryBySlug),
  collection: publicProcedure.input(collectionInput).query(collection),
  sitemapEntries: publicProcedure.input(sitemapEntriesInput).query(sitemapEntries),
  // Staff-made collections (procedures/collections.ts): a collection's page, links to them.
  collectionPage: publicProcedure.input(collectionPageInput).query(collectionPage),
  collectionLinks: publicProcedure.query(collectionLinks),

  // The order saga's stock holds (procedures/stock-holds.ts).
  reserveStock: permissionProcedure('inventory:reserve')
    .input(reserveStockInput)
    .mutation(reserveStock),
  releaseStock: permissionProcedure('inventory:reserve')
    .input(releaseStockInput)
    .mutation(releaseStock),
  commitStock: permissionProcedure('inventory:reserve')
    .input(commitStockInput)
    .mutation(commitStock),
  returnStock: permissionProcedure('inventory:reserve')
    .input(returnStockInput)
    .mutation(returnStock),

  // Staff: products and stock (procedures/staff-catalog.ts). Analysts read; catalog managers edit.
  adminList: permissionProcedure('catalog:read').input(adminListInput).query(adminList),
  byId: permissionProcedure('catalog:read').input(byIdInput).query(byId),
  create: permissionProcedure('catalog:write').input(createInput).mutation(create),
  update: permissionProcedure('catalog:write').input(updateInput).mutation(update),
  archive: permissionProcedure('catalog:write').input(archiveInput).mutation(archive),
  adjustStock: permissionProcedure('catalog:write').input(adjustStockInput).mutation(adjustStock),
  bulk: permissionProcedure('catalog:write').input(bulkInput).mutation(bulk),

  // Staff: categories (procedures/staff-categories.ts).
  createCategory: permissionProcedure('catalog:write')
    .input(createCategoryInput)
    .mutation(createCategory),
  updateCategory: permissionProcedure('catalog:write')
    .input(updateCategoryInput)
    .mutation(updateCategory),
  reorderCategories: permissionProcedure('catalog:write')
    .input(reorderCategoriesInput)
    .mutation(reorderCategories),
  deleteCategory: permissionProcedure('catalog:write')
    .input(deleteCategoryInput)
    .mutation(deleteCategory),

  // Staff: collections, manual or by rules (procedures/staff-collections.ts).
  adminCollections: permissionProcedure('catalog:read')
    .input(adminCollectionsInput)
    .query(adminCollections),
  collectionById: permissionProcedure('catalog:read')
    .input(collectionByIdInput)
    .query(collectionById),
  previewCollection: permissionProcedure('catalog:read')
    .input(previewCollectionInput)
    .query(previewCollection),
  productCollections: permissionProcedure('catalog:read')
    .input(productCollectionsInput)
    .query(productCollections),
  createCollection: permissionProcedure('catalog:write')
    .input(createCollectionInput)
    .mutation(createCollection),
  updateCollection: permissionProcedure('catalog:write')
    .input(updateCollectionInput)
    .mutation(updateCollection),
  deleteCollection: permissionProcedure('catalog:write')
    .input(deleteCollectionInput)
    .mutation(deleteCollection),
  addToCollection: permissionProcedure('catalog:write')
    .input(addToCollectionInput)
    .mutation(addToCollection),
  removeFromCollection: permissionProcedure('catalog:write')
    .input(removeFromCollectionInput)
    .mutation(removeFromCollection),

  // The review cell's rating summary (procedures/ratings.ts).
  setRatingSummary: permissionProcedure('ratings:publish')
    .input(setRatingSummaryInput)
    .mutation(setRatingSummary),

  // The order cell's carts and checkout (procedures/sku-details.ts).
  skuDetails: publicProcedure.input(skuDetailsInput).query(skuDetails),

  // Staff: the stock page (procedures/staff-inventory.ts). Analysts read; catalog managers adjust.
  inventoryList: permissionProcedure('catalog:read').input(inventoryListInput).query(inventoryList),
  stockMovements: permissionProcedure('catalog:read')
    .input(stockMovementsInput)
    .query(stockMovements),
  adjustInventory: permissionProcedure('catalog:write')
    .input(adjustInventoryInput)
    .mutation(adjustInventory),
  setLowStockThreshold: permissionProcedure('catalog:write')
    .input(setLowStockThresholdInput)
    .mutation(setLowStockThreshold),

  // Staff: CSV export and import (procedures/staff-csv.ts). Import is upload, dry run, apply.
  exportProductsCsv: permissionProcedure('catalog:read').query(exportProductsCsv),
  startCsvImport: permissionProcedure('catalog:write')
    .input(startCsvImportInput)
    .mutation(startCsvImport),
  uploadCsvImportPart: permissionProcedure('catalog:write')
    .input(uploadCsvImportPartInput)
    .mutation(uploadCsvImportPart),
  previewCsvImport: permissionProcedure('catalog:write')
    .input(previewCsvImportInput)
    .mutation(previewCsvImport),
  applyCsvImport: permissionProcedure('catalog:write')
    .input(applyCsvImportInput)
    .mutation(applyCsvImport),
  csvImport: permissionProcedure('catalog:write').input(csvImportInput).query(csvImport),
  csvImportReport: permissionProcedure('catalog:write')
    .input(csvImportReportInput)
    .query(csvImportReport),
});
