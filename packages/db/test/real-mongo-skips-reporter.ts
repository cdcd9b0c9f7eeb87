export { RealMongoSkipsReporter as default } from '../src/testing';
