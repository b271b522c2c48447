import { DomainError, type Issue } from '../errors.ts';
import { checkFile } from './file-types.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE, megabytes } from './limits.ts';

/** A file as it came with a request. */
export interface IncomingFile {
  name: string;
  /** The type the client declared (browsers guess it from the name); checked against the content. */
  type: string;
  bytes: Uint8Array;
}

/** A file that passed every check, with the name and type to keep. */
export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Checks a message's files before anything is written: how many, how large, and whether each
 * one's content is what its name and type say. Every problem is reported at once, each naming
 * its file (`files.2`); a file over the size limit makes it a 413, anything else a 422.
 */
export function checkIncomingFiles(files: IncomingFile[]): CheckedFile[] {
  if (files.length > MAX_FILES_PER_MESSAGE) {
    const message = `${files.length} files were attached: at most ${MAX_FILES_PER_MESSAGE} per message.`;
    throw new DomainError('INVALID', message, { issues: [{ path: 'files', message }] });
  }
  const issues: Issue[] = [];
  let tooLarge = false;
  const checked: CheckedFile[] = [];
  files.forEach((file, i) => {
    const path = `files.${i}`;
    if (file.bytes.byteLength > MAX_FILE_BYTES) {
      tooLarge = true;
      issues.push({ path, message: `"${file.name}" is ${megabytes(file.bytes.byteLength)}: each file may be at most ${megabytes(MAX_FILE_BYTES)}.` });
      return;
    }
    const result = checkFile(file.name, file.type, file.bytes);
    if (result.ok) checked.push({ fileName: result.fileName, contentType: result.contentType, bytes: file.bytes });
    else issues.push({ path, message: result.problem });
  });
  if (issues.length) {
    const summary = issues.length === 1 ? issues[0]!.message : `${issues.length} of the attached files cannot be accepted.`;
    throw new DomainError(tooLarge ? 'TOO_LARGE' : 'INVALID', summary, { issues });
  }
  return checked;
}
