/**
 * Classes for a table cell holding a product's or category's name: the whole name, wrapped
 * (anywhere, if one word is longer than the column) instead of widening the table past a phone's
 * screen; never narrower than 8rem, so a short name stays on one line.
 */
export const nameCell = 'min-w-32 wrap-anywhere';
