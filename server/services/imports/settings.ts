/** Limits of CSV imports (IMPORT_* settings); a leaf module, so the configuration can name the defaults. */
export interface ImportSettings {
  /** A usage import whose heartbeat stopped this long ago is taken as dead (its process is gone) and cleaned up. */
  abandonedAfterSeconds: number;
  /** The longest field and the longest line (a record, with any line breaks in quoted cells) a file may have, in characters. */
  maxFieldChars: number;
  maxLineChars: number;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  abandonedAfterSeconds: 120,
  // No column takes more than 200 characters: these bound memory, they do not judge content.
  maxFieldChars: 4096,
  maxLineChars: 16_384,
};
