export { mongoGlobalSetup as default } from '@shop/db/testing';
