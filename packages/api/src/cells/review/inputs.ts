/**
 * Inputs of the review cell's procedures: none yet (`review.status` takes none). A new
 * procedure's input goes here as `<procedureName>Input`, with its inferred type.
 */
export {};
