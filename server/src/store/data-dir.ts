// The data folder (DATA_DIR) before the SQLite store opens its file in it: created if missing,
// and when it cannot be used, a StartupError that names the folder, the cause and what to do,
// instead of "ENOENT … mkdir" or "unable to open database file".
// The folder is created one level at a time: Node's recursive mkdir never returns under /proc
// (it retries the ENOENT there forever), and a level at a time tells which level failed.
import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../startup-error';

const WHAT_TO_DO = 'Set DATA_DIR to a folder this server can write (it is created if missing), or fix the permissions of this one (e.g. chown it to the user running the server).';

/** Creates `dir` if missing and checks this process can write in it; throws StartupError when not. */
export function prepareDataDir(dir: string): void {
  try {
    createAndCheck(dir);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw folderError(dir, `${e.code ?? 'error'}: ${e.message}`, error);
  }
}

function createAndCheck(dir: string): void {
  const missing: string[] = [];
  let existing = dir;
  let stats = statOrNull(existing);
  while (!stats) {
    missing.unshift(existing);
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
    stats = statOrNull(existing);
  }
  if (stats && !stats.isDirectory()) {
    throw folderError(dir, existing === dir ? `${dir} is a file, not a folder` : `${existing} is a file, not a folder, so no folder can be made under it`);
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statOrNull(level)?.isDirectory()) continue;
      throw folderError(dir, `${level} cannot be created: ${mkdirCause(path.dirname(level), code)}`, error);
    }
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw folderError(dir, code === 'EROFS' ? `${dir} is on a read-only file system` : `this server (${whoAmI()}) may not write in ${dir}`, error);
  }
}

/** The database file exists but SQLite may only read it. */
export function readOnlyFileError(file: string, cause?: unknown): StartupError {
  return new StartupError(
    `The database file ${file} is read-only for this server (${whoAmI()}): it could not store a single change. ` +
      'Give the user running the server write permission on it (e.g. chown or chmod u+w), or set DATA_DIR to another folder.',
    { cause },
  );
}

/**
 * SQLite could not open or set up its file in a folder that looked usable: a StartupError that
 * says what it saw, or the error itself when it is not about the file (a bug: its stack matters).
 */
export function openError(file: string, error: unknown): Error {
  const code = String((error as { code?: unknown }).code);
  const said = `${code}: ${(error as Error).message}`;
  if (code === 'SQLITE_READONLY_DIRECTORY') return folderError(path.dirname(file), `this server (${whoAmI()}) may not write in it`, error);
  if (code.startsWith('SQLITE_READONLY')) return readOnlyFileError(file, error);
  if (code.startsWith('SQLITE_FULL')) return new StartupError(`The disk holding the database file ${file} is full (${said}). Free some space and start again.`, { cause: error });
  if (/^SQLITE_(CANTOPEN|PERM|IOERR|AUTH)/.test(code)) return new StartupError(`The database file ${file} cannot be opened (${said}). ${WHAT_TO_DO}`, { cause: error });
  return error as Error;
}

function folderError(dir: string, cause: string, error?: unknown): StartupError {
  return new StartupError(`Cannot use the data folder ${dir}: ${cause}. ${WHAT_TO_DO}`, { cause: error });
}

function mkdirCause(parent: string, code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `this server (${whoAmI()}) may not create folders in ${parent}`;
    case 'EROFS':
      return `${parent} is on a read-only file system`;
    case 'ENOSPC':
      return `the disk holding ${parent} is full`;
    case 'ENOTDIR':
      return `${parent} is not a folder`;
    default:
      return `${parent} does not allow folders to be made in it (${code ?? 'unknown error'})`;
  }
}

/** null when nothing is at `p` (or a file stands where a folder of its path should be). */
function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function whoAmI(): string {
  return typeof process.getuid === 'function' ? `user id ${process.getuid()}` : 'this user';
}
