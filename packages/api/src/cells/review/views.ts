/**
 * What the review cell's procedures return: nothing of its own yet (`review.status` returns the
 * shared `CellStatus`). Review views and their mappers from `Review` documents go here.
 */
export {};
