import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A file written under its temporary name, waiting for its message to commit. */
export interface StagedFile {
  storedName: string;
}

const PART = '.part';

/**
 * Attachment files in a folder beside the database. A file is written (and flushed to disk) as
 * `<name>.part`, the message that points at it commits, and only then is it renamed to `<name>`.
 * A crash before the commit leaves a `.part` no row names: `recover` deletes it. A crash after
 * the commit, before the rename, leaves a `.part` a row names: `recover` finishes the rename. So
 * no message ever points at a missing file.
 */
export function createAttachmentStore(dir: string) {
  mkdirSync(dir, { recursive: true });
  const pathOf = (storedName: string) => join(dir, storedName);

  return {
    dir,

    /** Writes the bytes under a new temporary name and flushes them to disk. */
    async stage(bytes: Uint8Array): Promise<StagedFile> {
      const storedName = randomBytes(16).toString('hex');
      const file = await open(pathOf(storedName) + PART, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      return { storedName };
    },

    /** The message committed: the files take their real names. */
    async promote(files: StagedFile[]): Promise<void> {
      await Promise.all(files.map((f) => rename(pathOf(f.storedName) + PART, pathOf(f.storedName))));
    },

    /** The message did not commit: its files go. */
    async discard(files: StagedFile[]): Promise<void> {
      await Promise.all(files.map((f) => rm(pathOf(f.storedName) + PART, { force: true })));
    },

    /** A committed file; one whose rename a crash interrupted is still read under its temporary name. */
    async read(storedName: string): Promise<Buffer> {
      try {
        return await readFile(pathOf(storedName));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        return readFile(pathOf(storedName) + PART);
      }
    },

    /**
     * At start: finishes the renames of committed messages and deletes the temporary files of
     * messages that never committed. `isCommitted` says whether a row names the file.
     */
    recover(isCommitted: (storedName: string) => boolean): { finished: number; deleted: number } {
      let finished = 0;
      let deleted = 0;
      for (const entry of readdirSync(dir)) {
        if (!entry.endsWith(PART)) continue;
        const storedName = entry.slice(0, -PART.length);
        if (isCommitted(storedName)) {
          renameSync(join(dir, entry), pathOf(storedName));
          finished++;
        } else {
          rmSync(join(dir, entry), { force: true });
          deleted++;
        }
      }
      return { finished, deleted };
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
