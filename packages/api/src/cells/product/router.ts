import { router } from '../../trpc/init';
import { statusProcedure } from '../status';
import { catalogProcedures } from './catalog-procedures';
import { inventoryProcedures } from './inventory-procedures';

export const productRouter = router({
  status: statusProcedure('product'),
  ...catalogProcedures,
  ...inventoryProcedures,
});
