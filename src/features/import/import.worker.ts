// The import worker: reads and converts the file off the main thread, so a 50,000-row list
// never freezes the page. Keeps the parsed rows between "parse" and "convert" so the bytes
// cross the thread boundary once. No zod here (the schema check runs on the page), which
// keeps this file small in the precache. Protocol in import-client.ts.
import { convertParsed, ImportError, parseImportFile, summarize, type ParsedFile } from './pipeline';
import type { WorkerRequest, WorkerResponse } from './import-client';

let parsed: ParsedFile | undefined;

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse): void };

scope.onmessage = (e) => {
  const req = e.data;
  try {
    if (req.type === 'parse') {
      parsed = undefined;
      parsed = parseImportFile(req.fileName, new Uint8Array(req.bytes));
      scope.postMessage({ id: req.id, ok: true, result: summarize(parsed) });
    } else {
      if (!parsed) throw new ImportError('unreadable');
      scope.postMessage({ id: req.id, ok: true, result: convertParsed(parsed, req.mapping, req.existing) });
    }
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, code: err instanceof ImportError ? err.code : 'unreadable' });
  }
};
