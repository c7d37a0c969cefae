// Import limits, in a module of their own so the page can read them without the parser.
/** Rows rendered per list in the preview; counts always cover the whole file. */
export const PREVIEW_LIMIT = 100;
/** Larger files are refused with a plain message (a phone's memory, one transaction). */
export const MAX_DATA_ROWS = 100_000;
