export { mongoGlobalSetup as default } from '../src/testing';
