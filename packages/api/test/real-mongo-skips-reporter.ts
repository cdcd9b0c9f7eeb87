export { RealMongoSkipsReporter as default } from '@shop/db/testing';
