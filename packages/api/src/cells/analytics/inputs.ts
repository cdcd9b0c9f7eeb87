/**
 * Inputs of the analytics cell's procedures: none yet (`analytics.summary` takes none). A new
 * procedure's input goes here as `<procedureName>Input`, with its inferred type.
 */
export {};
