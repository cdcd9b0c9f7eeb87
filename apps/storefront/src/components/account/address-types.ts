import type { RouterOutputs } from '@shop/api/client';

export type Address = RouterOutputs['user']['listAddresses']['items'][number];
export type Country = RouterOutputs['user']['supportedCountries']['items'][number];
