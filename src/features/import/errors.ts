// A problem with the import file as a whole; `code` names the message (import.e_<code>).
// Its own tiny module so the page can use it without loading the parser.
export type ImportErrorCode = 'empty' | 'unreadable' | 'notXlsx' | 'oldXls' | 'noHeader' | 'tooBig' | 'unsupported';

export class ImportError extends Error {
  constructor(public code: ImportErrorCode, cause?: unknown) {
    super(`import: ${code}`, { cause });
  }
}
