/**
 * Events the user cell sends: none yet. It only reacts to other cells' events (see
 * `functions.ts`). New events go here, named `user/thing.happened`, and are re-exported by
 * `events/schemas.ts`.
 */
export {};
