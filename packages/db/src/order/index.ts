import { type Connection } from 'mongoose';
import { cartModel } from './cart-model';
import { discountCodeModel } from './discount-code-model';
import { discountCustomerUseModel, discountRedemptionModel } from './discount-redemption-model';
import { orderLookupFailureModel } from './order-lookup-failure-model';
import { orderModel } from './order-model';
import { orderPlacementModel, sequenceModel } from './order-placement-models';
import { shopSettingsModel } from './shop-settings-model';
import { skuProjectionModel } from './sku-projection-model';

export * from './order-statuses';
export * from './order-model';
export * from './cart-model';
export * from './discount-code-model';
export * from './discount-redemption-model';
export * from './order-placement-models';
export * from './shop-settings-model';
export * from './order-lookup-failure-model';
export * from './sku-projection-model';

/** The order domain's models, bound to the orders database connection. */
export function orderModels(connection: Connection) {
  return {
    Order: orderModel(connection),
    Cart: cartModel(connection),
    DiscountCode: discountCodeModel(connection),
    DiscountCustomerUse: discountCustomerUseModel(connection),
    DiscountRedemption: discountRedemptionModel(connection),
    OrderPlacement: orderPlacementModel(connection),
    Sequence: sequenceModel(connection),
    ShopSettings: shopSettingsModel(connection),
    OrderLookupFailure: orderLookupFailureModel(connection),
    SkuProjection: skuProjectionModel(connection),
  };
}
export type OrderModels = ReturnType<typeof orderModels>;
