import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { catalogProcedures } from './catalog-procedures';
import { inventoryProcedures } from './inventory-procedures';
import { skuDetailsProcedure } from './sku-details';
import { staffProcedures } from './staff-procedures';

export const productRouter = router({
  status: statusProcedure('product'),
  ...catalogProcedures,
  ...inventoryProcedures,
  ...staffProcedures,
  skuDetails: skuDetailsProcedure,
});
