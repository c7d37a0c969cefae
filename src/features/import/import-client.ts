// Runs an import's reading and converting in a Web Worker when the browser has one (a
// 50,000-row file then never blocks taps), else inline after yielding a frame so "Đang đọc
// tệp…" paints first (old browsers, jsdom tests). The schema check then runs here on the
// page in slices (validate.ts): zod is already in this chunk, and not copied into the worker.
import type { ColumnMapping } from './columns';
import type { Converted, ExistingKeys } from './convert';
import { ImportError, type ImportErrorCode } from './errors';
import type { ParsedFile, ParsedSummary } from './pipeline';
import { checkRowsInSlices, type ImportPreview } from './validate';

export type WorkerRequest =
  | { id: number; type: 'parse'; fileName: string; bytes: ArrayBuffer }
  | { id: number; type: 'convert'; mapping: ColumnMapping; existing: ExistingKeys };

export type WorkerResponse =
  | { id: number; ok: true; result: ParsedSummary | Converted }
  | { id: number; ok: false; code: ImportErrorCode };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface ImportSession {
  parse(file: Blob & { name: string }): Promise<ParsedSummary>;
  preview(mapping: ColumnMapping, existing: ExistingKeys): Promise<ImportPreview>;
  close(): void;
}

interface Converter {
  parse(fileName: string, bytes: ArrayBuffer): Promise<ParsedSummary>;
  convert(mapping: ColumnMapping, existing: ExistingKeys): Promise<Converted>;
  close(): void;
}

export function createImportSession(): ImportSession {
  const converter = workerConverter() ?? inlineConverter();
  let headers: string[] = [];
  return {
    async parse(file) {
      const summary = await converter.parse(file.name, await readBytes(file));
      headers = summary.headers;
      return summary;
    },
    async preview(mapping, existing) {
      const rows = await converter.convert(mapping, existing);
      return checkRowsInSlices(rows, headers, mapping);
    },
    close: () => converter.close(),
  };
}

function workerConverter(): Converter | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new ImportError(e.data.code));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new ImportError('unreadable', e));
    pending.clear();
  };
  const call = <T>(req: WithoutId<WorkerRequest>, transfer: Transferable[] = []) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    parse: (fileName, bytes) => call<ParsedSummary>({ type: 'parse', fileName, bytes }, [bytes]),
    convert: (mapping, existing) => call<Converted>({ type: 'convert', mapping, existing }),
    close: () => worker.terminate(),
  };
}

function inlineConverter(): Converter {
  let parsed: ParsedFile | undefined;
  const nextFrame = () => new Promise((r) => setTimeout(r, 0));
  return {
    async parse(fileName, bytes) {
      const p = await import('./pipeline');
      await nextFrame();
      try {
        parsed = p.parseImportFile(fileName, new Uint8Array(bytes));
        return p.summarize(parsed);
      } catch (e) {
        throw e instanceof ImportError ? e : new ImportError('unreadable', e);
      }
    },
    async convert(mapping, existing) {
      const p = await import('./pipeline');
      await nextFrame();
      if (!parsed) throw new ImportError('unreadable');
      return p.convertParsed(parsed, mapping, existing);
    },
    close: () => (parsed = undefined),
  };
}

async function readBytes(file: Blob): Promise<ArrayBuffer> {
  try {
    if (typeof file.arrayBuffer === 'function') return await file.arrayBuffer();
    return await new Promise<ArrayBuffer>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.onerror = () => reject(r.error);
      r.readAsArrayBuffer(file);
    });
  } catch (e) {
    throw new ImportError('unreadable', e);
  }
}
