import type { InngestFunction } from 'inngest';
import { createProfileOnRegistration } from './functions/create-profile-on-registration';
import { erasePersonalData } from './functions/erase-personal-data';

/** The user cell's Inngest functions. */
export const userFunctions: InngestFunction.Any[] = [
  createProfileOnRegistration,
  erasePersonalData,
];
