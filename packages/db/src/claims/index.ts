/**
 * `@shop/db/claims`: taking something exactly once by inserting a document whose `_id` is
 * derived from what is being claimed, and recognising the refusal when someone else was first.
 */
export { derivedObjectId } from './derived-object-id';
export { isDuplicateKeyError } from './duplicate-key-error';
