// The draft of a report: the header (số, nơi viết, nơi nhận, người ký), the figures, then each
// section with its sentences from the figures, saved as she types like the minutes (a change
// is written ~400 ms after the last keystroke and copied to localStorage at once, so a reload
// loses nothing). Only the fields she touched are written: a section another phone wrote in
// the meantime is not overwritten with this phone's older copy.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { UserError } from '../../lib/user-error';
import { useAutosave, readRescue, type SaveState } from '../minutes';
import { REPORT_SECTIONS, SIGNER_TITLES, type ReportSection, type SignerTitle } from '../../protocol/report-enums';
import type { ReportFigures } from '../../protocol/report-figures-schema';
import type { Report } from '../../protocol/report';
import { saveReport, type ReportPatch } from './reports-repo';
import { insertLines, missingLines, narrativeLines, type NarrativeLines } from './report-narrative';
import type { ReportView } from './report-editor-queries';
import { SectionField } from './SectionField';
import { FigureChanges, FiguresSummary } from './FiguresPanel';
import { SubmitPanel } from './SubmitPanel';
import { ReviewNote } from './SentPanel';
import { clock } from './format';
import { REPORT_FORM_ID, rescueKeyOf } from './draft-keys';
import { tr } from './i18n';


type HeaderKey = 'docNumber' | 'place' | 'recipients' | 'signerName';
export type EditorForm = Record<ReportSection | HeaderKey, string> & { signerTitle: SignerTitle };
interface Draft {
  form: EditorForm;
  touched: string[];
}

function toForm(r: Report): EditorForm {
  const out = { signerTitle: r.signerTitle ?? 'secretary' } as EditorForm;
  for (const k of [...REPORT_SECTIONS, 'docNumber', 'place', 'recipients', 'signerName'] as const) out[k] = r[k] ?? '';
  return out;
}

/** The saved draft, or the local copy when it is newer (a reload or crash came before the save). */
function initialDraft(row: Report, key: string): { draft: Draft; isRescued: boolean } {
  const rescued = readRescue<Draft>(key);
  if (rescued?.value?.form && rescued.at > row.updatedAt) return { draft: { form: { ...toForm(row), ...rescued.value.form }, touched: rescued.value.touched ?? [] }, isRescued: true };
  return { draft: { form: toForm(row), touched: [] }, isRescued: false };
}

function SaveStatus({ state }: { state: SaveState }) {
  let text = tr('autosaveHint');
  let cls = 'muted';
  if (state.status === 'pending') text = tr('pending');
  if (state.status === 'saving') text = tr('saving');
  if (state.status === 'saved') text = tr('savedAt', { time: clock(state.at) });
  if (state.status === 'error') {
    text = tr('saveError', { reason: state.error instanceof UserError ? tDynamic(state.error.key) : tDynamic('err.unexpected') });
    cls = 'error';
  }
  return (
    <span class={`save-status ${cls}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

const PARTS: { key: string; sections: ReportSection[] }[] = [
  { key: '', sections: ['opening'] },
  { key: 'part_results', sections: ['situation', 'politicalEducation', 'movements', 'buildingUnion'] },
  { key: 'part_assessment', sections: ['strengths', 'weaknesses', 'causes'] },
  { key: 'part_next', sections: ['difficulties', 'direction'] },
];

export function ReportEditor({ view, figures }: { view: ReportView; figures?: ReportFigures }) {
  const row = view.row!;
  const key = rescueKeyOf(view.id, row.version);
  const [initial] = useState(() => initialDraft(row, key));
  const [form, setForm] = useState<EditorForm>(initial.draft.form);
  const latest = useRef<Draft>(initial.draft);
  const autosave = useAutosave((d: Draft) => saveReport(view.id, Object.fromEntries(d.touched.map((k) => [k, d.form[k as keyof EditorForm]])) as ReportPatch), {
    formId: REPORT_FORM_ID,
    rescueKey: key,
  });
  // Text taken back from the local copy goes to the database straight away.
  useEffect(() => {
    if (initial.isRescued) autosave.change(initial.draft);
  }, []);

  const update = (patch: Partial<EditorForm>) => {
    const touched = [...new Set([...latest.current.touched, ...Object.keys(patch)])];
    const next = { form: { ...latest.current.form, ...patch }, touched };
    latest.current = next;
    setForm(next.form);
    autosave.change(next);
  };

  const lastSent = view.versions[view.versions.length - 1];
  // Today's sentences, and the last sent version's (which "Chèn câu số liệu" replaces): made
  // when the figures change, not on every keystroke.
  const { lines, stale } = useMemo(() => {
    const unit = { name: view.unit?.name ?? '', parentUnit: view.unit?.parentUnit ?? '', kind: view.unit?.kind };
    return {
      lines: figures && narrativeLines(figures, view.period, unit),
      stale: lastSent && narrativeLines(lastSent.figures, view.period, unit),
    } as { lines?: NarrativeLines; stale?: NarrativeLines };
  }, [figures, lastSent, view.unit, view.period]);
  const text = (k: HeaderKey, rows?: number, hint?: string) =>
    rows ? (
      <TextAreaField id={`report-${k}`} label={tr(k)} hint={hint} rows={rows} value={form[k]} onInput={(v) => update({ [k]: v.slice(0, 1000) })} />
    ) : (
      <TextField id={`report-${k}`} label={tr(k)} hint={hint} value={form[k]} onInput={(v) => update({ [k]: v.slice(0, k === 'docNumber' ? 60 : 100) })} />
    );

  return (
    <form class="report-editor" onSubmit={(e) => e.preventDefault()} onFocusOut={() => void autosave.flush()} noValidate>
      <div class="report-status">
        <span class="badge draft">{tr('draftBadge', { n: row.version })}</span>
        <SaveStatus state={autosave.state} />
      </div>
      {view.standing.review && <ReviewNote view={view} />}
      {lastSent && figures && <FigureChanges sent={lastSent.figures} figures={figures} version={lastSent.version} />}
      {figures && <FiguresSummary figures={figures} />}

      <section class="card" aria-labelledby="report-part-header">
        <h2 id="report-part-header">{tr('partHeader')}</h2>
        {text('docNumber', 0, tr('docNumberHint'))}
        {text('place', 0, tr('placeHint'))}
        {text('recipients', 3, tr('recipientsHint'))}
        <SelectField
          id="report-signerTitle"
          label={tr('signerTitle')}
          value={form.signerTitle}
          onChange={(signerTitle) => update({ signerTitle })}
          options={SIGNER_TITLES.map((s) => ({ value: s, label: tr(`signer_${s}`) }))}
        />
        {text('signerName')}
      </section>

      {PARTS.map((part) => (
        <section class="card report-part" key={part.key || 'opening'} aria-label={part.key ? tr(part.key as 'part_results') : undefined}>
          {part.key && <h2>{tr(part.key as 'part_results')}</h2>}
          {part.sections.map((s) => (
            <SectionField
              key={s}
              section={s}
              value={form[s]}
              lines={lines?.[s] ?? []}
              onInput={(v) => update({ [s]: v })}
              onInsert={() => update({ [s]: insertLines(latest.current.form[s], lines?.[s] ?? [], stale?.[s] ?? []) })}
            />
          ))}
        </section>
      ))}
      <p class="muted small">{tr('hintPrivate')}</p>

      <SubmitPanel view={view} rescueKey={key} saveFirst={autosave.flush} missing={PARTS.reduce((n, part) => n + part.sections.reduce((m, sec) => m + missingLines(form[sec], lines?.[sec] ?? []).length, 0), 0)} />
    </form>
  );
}
