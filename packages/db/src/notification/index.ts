import { type Connection } from 'mongoose';
import { backInStockRequestModel } from './back-in-stock-model';
import { campaignDeliveryModel, campaignModel } from './campaign-model';
import { customerPurchaseModel } from './customer-purchase-model';
import { messageModel } from './message-model';
import { recipientLanguageModel } from './recipient-language-model';
import { alertSubscriptionModel, staffAlertModel } from './staff-alert-model';
import { subscriberModel } from './subscriber-model';
import { suppressionModel } from './suppression-model';
import { templateOverrideModel } from './template-override-model';

export * from './back-in-stock-model';
export * from './campaign-model';
export * from './customer-purchase-model';
export * from './message-model';
export * from './recipient-language-model';
export * from './staff-alert-model';
export * from './subscriber-model';
export * from './suppression-model';
export * from './template-override-model';

/** The notification domain's models, bound to the notifications database connection. */
export function notificationModels(connection: Connection) {
  return {
    Message: messageModel(connection),
    Subscriber: subscriberModel(connection),
    Suppression: suppressionModel(connection),
    BackInStockRequest: backInStockRequestModel(connection),
    TemplateOverride: templateOverrideModel(connection),
    StaffAlert: staffAlertModel(connection),
    AlertSubscription: alertSubscriptionModel(connection),
    RecipientLanguage: recipientLanguageModel(connection),
    Campaign: campaignModel(connection),
    CampaignDelivery: campaignDeliveryModel(connection),
    CustomerPurchase: customerPurchaseModel(connection),
  };
}
export type NotificationModels = ReturnType<typeof notificationModels>;
