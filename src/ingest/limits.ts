/** Largest article file read by default: far above any news article, far below a data dump. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
