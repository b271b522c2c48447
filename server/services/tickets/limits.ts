/**
 * The limits of ticket input, in one place: the API contract checks text against them, the
 * service checks files, and the multipart reader stops a request body at MAX_TICKET_REQUEST_BYTES
 * while reading it. No imports: the contract (which the browser loads too) imports this file.
 */

export const MAX_SUBJECT_CHARS = 200;
export const MAX_MESSAGE_CHARS = 20_000;
export const MAX_FILES_PER_MESSAGE = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The longest file name kept (longer ones are shortened, keeping the extension). */
export const MAX_FILE_NAME_CHARS = 120;

/**
 * The largest request body of ticket creation and replies: every file at its largest, plus room
 * for the text fields and the multipart framing. Larger bodies are refused as they arrive.
 */
export const MAX_TICKET_REQUEST_BYTES = MAX_FILES_PER_MESSAGE * MAX_FILE_BYTES + 256 * 1024;

/** "5 MB": how the limits read in messages. */
export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The 413 of a ticket request over MAX_TICKET_REQUEST_BYTES: what to send instead. */
export const TICKET_REQUEST_TOO_LARGE = `The request is larger than ${megabytes(MAX_TICKET_REQUEST_BYTES)}: attach at most ${MAX_FILES_PER_MESSAGE} files of ${megabytes(MAX_FILE_BYTES)} each.`;
