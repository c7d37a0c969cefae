// Import a member list from Excel (.xlsx) or CSV: 1 choose file → 2 check columns →
// 3 preview with per-row problems → import in one transaction, undoable as a whole
// (RELIABILITY.md 22). Parsing and checking run in a worker (import-client.ts); writes go
// through import-repo.ts, never Dexie directly.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ti } from './i18n';
import { createImportSession, type ImportSession } from './import-client';
import { currentDuesRates, getImport, importMembers, loadExistingKeys, type ImportRecord } from './import-repo';
import { useLive } from '../../data/live';
import type { ColumnMapping } from './columns';
import type { ParsedSummary } from './pipeline';
import { duesUnsetCount, membersToImport, type ImportPreview } from './validate';
import type { DuesCategory } from '../../protocol/member-enums';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { HistoryItem, ImportHistory } from './ImportHistory';
import { errorText, formatCount } from './problem-text';
import './import.css';

type Step =
  | { kind: 'file'; error?: string }
  | { kind: 'busy'; message: string; progress?: string }
  | { kind: 'mapping'; summary: ParsedSummary; mapping: ColumnMapping; duesDefault?: DuesCategory; error?: string }
  | {
      kind: 'preview';
      summary: ParsedSummary;
      mapping: ColumnMapping;
      preview: ImportPreview;
      included: Set<number>;
      rates: Record<DuesCategory, number>;
      /** the category of the members the file gives none: the secretary's choice, never assumed */
      duesDefault?: DuesCategory;
      error?: string;
    }
  | { kind: 'done'; record: ImportRecord };

export default function ImportPage() {
  const session = useRef<ImportSession | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'file' });
  const heading = useRef<HTMLHeadingElement>(null);

  const getSession = () => (session.current ??= createImportSession());
  // Start the worker on open, not on the first file: its script is then fetched while there
  // is signal and the service worker keeps it (the import is not precached), so a file
  // chosen later with no network still reads.
  useEffect(() => {
    getSession();
    return () => session.current?.close();
  }, []);
  // Each step starts with focus (and so the scroll position) on the title: screen readers
  // announce the new step, and the thumb starts at the top.
  useEffect(() => {
    if (step.kind !== 'busy') heading.current?.focus();
  }, [step.kind]);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setStep({ kind: 'busy', message: ti('reading') });
    try {
      const summary = await getSession().parse(file);
      setStep({ kind: 'mapping', summary, mapping: summary.mapping });
    } catch (e) {
      setStep({ kind: 'file', error: errorText(e, 'e_unreadable') });
    }
  };

  const check = async (summary: ParsedSummary, mapping: ColumnMapping, duesDefault?: DuesCategory) => {
    setStep({ kind: 'busy', message: ti('checking') });
    try {
      const [existing, rates] = await Promise.all([loadExistingKeys(), currentDuesRates()]);
      const preview = await getSession().preview(mapping, existing);
      setStep({ kind: 'preview', summary, mapping, preview, included: new Set(), rates, duesDefault });
    } catch (e) {
      setStep({ kind: 'mapping', summary, mapping, duesDefault, error: errorText(e, 'e_unreadable') });
    }
  };

  const runImport = async (s: Extract<Step, { kind: 'preview' }>) => {
    const defaulted = duesUnsetCount(s.preview, s.included);
    if (defaulted && !s.duesDefault) return; // the button waits for the choice
    const members = membersToImport(s.preview, s.included, s.duesDefault);
    const count = formatCount(members.length);
    setStep({ kind: 'busy', message: ti('importing', { count }) });
    try {
      const record = await importMembers(
        s.summary.fileName,
        members,
        (done) => setStep({ kind: 'busy', message: ti('importing', { count }), progress: ti('importProgress', { done: formatCount(done), count }) }),
        s.duesDefault && defaulted ? { category: s.duesDefault, count: defaulted } : undefined,
      );
      setStep({ kind: 'done', record });
    } catch (e) {
      setStep({ ...s, error: errorText(e, 'e_importFailed') });
    }
  };

  return (
    <main class="page import-page">
      <h1 ref={heading} tabIndex={-1}>
        {ti('title')}
      </h1>
      {step.kind === 'file' && <FileStep error={step.error} onFile={chooseFile} />}
      {step.kind === 'busy' && (
        <div class="import-busy" role="status" aria-live="polite">
          <p>{step.message}</p>
          {step.progress && <p class="small muted">{step.progress}</p>}
        </div>
      )}
      {step.kind === 'mapping' && (
        <>
          {step.error && <p class="error" role="alert">{step.error}</p>}
          <MappingStep
            summary={step.summary}
            mapping={step.mapping}
            onChange={(mapping) => setStep({ ...step, mapping, error: undefined })}
            onNext={() => void check(step.summary, step.mapping, step.duesDefault)}
            onRestart={() => setStep({ kind: 'file' })}
          />
        </>
      )}
      {step.kind === 'preview' && (
        <>
          {step.error && <p class="error" role="alert">{step.error}</p>}
          <PreviewStep
            preview={step.preview}
            included={step.included}
            onToggle={(line) => {
              const included = new Set(step.included);
              if (!included.delete(line)) included.add(line);
              setStep({ ...step, included });
            }}
            rates={step.rates}
            duesDefault={step.duesDefault}
            onDuesDefault={(duesDefault) => setStep({ ...step, duesDefault, error: undefined })}
            onImport={() => void runImport(step)}
            onBack={() => setStep({ kind: 'mapping', summary: step.summary, mapping: step.mapping, duesDefault: step.duesDefault })}
          />
        </>
      )}
      {step.kind === 'done' && <DoneStep record={step.record} onAgain={() => setStep({ kind: 'file' })} />}
    </main>
  );
}

function FileStep({ error, onFile }: { error?: string; onFile: (f: File | undefined) => void }) {
  return (
    <>
      <section class="card" aria-labelledby="import-step">
        <p id="import-step" class="muted small">
          {ti('stepFile')}
        </p>
        <p>{ti('intro')}</p>
        <label class="btn primary block import-file">
          {ti('chooseFile')}
          <input
            type="file"
            class="sr-only"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              onFile(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
        <p class="small muted">{ti('fileHint')}</p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      <ImportHistory />
    </>
  );
}

function DoneStep({ record, onAgain }: { record: ImportRecord; onAgain: () => void }) {
  return (
    <section>
      <p class="ok" role="status">
        {ti('done', { count: formatCount(record.memberIds.length), file: record.fileName })}
      </p>
      <p class="small muted">{ti('doneHint')}</p>
      <ul class="import-history">
        <LiveRecord id={record.id} fallback={record} />
      </ul>
      <div class="import-actions">
        <a class="btn primary block" href="/members">
          {ti('viewMembers')}
        </a>
      </div>
      <button type="button" class="btn block" onClick={onAgain}>
        {ti('importAnother')}
      </button>
    </section>
  );
}

/** The just-made import, kept live so "Hoàn tác" turns into "Đã hoàn tác". */
function LiveRecord({ id, fallback }: { id: string; fallback: ImportRecord }) {
  const live = useLive(() => getImport(id), [id]);
  return <HistoryItem record={live.value ?? fallback} isCurrent />;
}
