// Step 3: counts, the dues category of the members the file gives none (asked, never
// assumed), the rows that will not be imported and why, a sample of good rows, and the
// import button. Only the first rows render (PREVIEW_LIMIT): a 50,000-row file shows
// its counts and first problems without building 50,000 list items.
import { t } from '../../i18n';
import { ti } from './i18n';
import { formatDate } from '../../lib/dates';
import { duesUnsetCount, type CandidateRow, type ImportPreview } from './validate';
import { PREVIEW_LIMIT } from './limits';
import type { DuesCategory } from '../../protocol/member-enums';
import { formatCount, problemText } from './problem-text';

/** The two answers, neither checked until the secretary picks one. */
const CHOICES: DuesCategory[] = ['salaried', 'unsalaried'];

interface Props {
  preview: ImportPreview;
  included: ReadonlySet<number>;
  onToggle: (line: number) => void;
  /** this month's rate of each category, for the choice */
  rates: Record<DuesCategory, number>;
  duesDefault?: DuesCategory;
  onDuesDefault: (category: DuesCategory) => void;
  onImport: () => void;
  onBack: () => void;
}

export function PreviewStep({ preview, included, onToggle, rates, duesDefault, onDuesDefault, onImport, onBack }: Props) {
  const { counts } = preview;
  const toImport = preview.okMembers.length + included.size;
  const duesUnset = duesUnsetCount(preview, included);
  const mustChoose = duesUnset > 0 && !duesDefault;
  const problemRows = [...preview.warningRows.slice(0, PREVIEW_LIMIT), ...preview.errorRows].sort((a, b) => a.line - b.line);
  const problemCount = counts.error + counts.warning;
  return (
    <section aria-labelledby="import-step">
      <p id="import-step" class="muted small">
        {ti('stepPreview')}
      </p>
      <ul class="card import-counts" aria-live="polite">
        <li>{ti('countTotal', { count: formatCount(counts.total) })}</li>
        <li class="ok">{ti('countOk', { count: formatCount(counts.ok) })}</li>
        {counts.error > 0 && <li class="error">{ti('countError', { count: formatCount(counts.error) })}</li>}
        {counts.warning > 0 && <li class="warn">{ti('countWarning', { count: formatCount(counts.warning) })}</li>}
        {duesUnset > 0 && duesDefault && (
          <li data-dues={duesDefault}>{ti('duesChosen', { count: formatCount(duesUnset), category: ti(`dues_${duesDefault}`) })}</li>
        )}
      </ul>

      {duesUnset > 0 && (
        <fieldset class="card import-dues">
          <legend>
            {preview.duesColumn ? ti('duesQuestionSome', { count: formatCount(duesUnset), column: preview.duesColumn }) : ti('duesQuestion')}
          </legend>
          {CHOICES.map((c) => (
            <label key={c} class="import-choice">
              <input type="radio" name="import-dues" value={c} checked={duesDefault === c} onChange={() => onDuesDefault(c)} />
              <span>
                <strong>{ti(c === 'salaried' ? 'duesSalaried' : 'duesUnsalaried', { amount: formatCount(rates[c]) })}</strong>
                <span class="small muted">{ti(c === 'salaried' ? 'duesSalariedHint' : 'duesUnsalariedHint')}</span>
              </span>
            </label>
          ))}
          <p class="small muted">{ti('duesLater')}</p>
        </fieldset>
      )}

      {preview.genderRules.map((r, i) => (
        <p key={i} class="small" data-rule={r.kind}>
          {r.kind === 'mark'
            ? ti(r.gender === 'female' ? 'ruleMarkFemale' : 'ruleMarkMale', { column: r.column })
            : ti('ruleBirthColumns', { male: r.male || ti('col_dateOfBirthMale'), female: r.female || ti('col_dateOfBirthFemale') })}
        </p>
      ))}
      {preview.footer && (
        <p class="small muted">{ti('footerNote', { line: preview.footer.line, text: preview.footer.text.slice(0, 60) })}</p>
      )}

      {problemCount > 0 && (
        <>
          <h2>{ti('problemsTitle')}</h2>
          {problemCount > problemRows.length && (
            <p class="small muted">{ti('showingFirst', { shown: formatCount(problemRows.length), count: formatCount(problemCount) })}</p>
          )}
          <ol class="import-rows">
            {problemRows.map((row) => (
              <ProblemRow key={row.line} row={row} isIncluded={included.has(row.line)} onToggle={onToggle} />
            ))}
          </ol>
        </>
      )}

      {counts.noted > 0 && (
        <>
          <h2>{ti('notesTitle', { count: formatCount(counts.noted) })}</h2>
          <ol class="import-rows">
            {preview.noteRows.map((row) => (
              <ProblemRow key={row.line} row={row} isIncluded={false} onToggle={onToggle} />
            ))}
          </ol>
        </>
      )}

      {preview.okSample.length > 0 && (
        <details class="import-ok">
          <summary>
            {ti('okTitle')} ({formatCount(counts.ok)})
          </summary>
          {counts.ok > preview.okSample.length && (
            <p class="small muted">{ti('showingOk', { shown: formatCount(preview.okSample.length), count: formatCount(counts.ok) })}</p>
          )}
          <ol class="import-rows">
            {preview.okSample.map((row) => (
              <li key={row.line}>
                <span class="muted small">{ti('line', { line: row.line })}</span> {row.name}
                {row.fields?.dateOfBirth && <span class="muted"> · {formatDate(row.fields.dateOfBirth)}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}

      {toImport === 0 && <p class="error">{ti('nothingToImport')}</p>}
      <div class="import-actions">
        {toImport > 0 && mustChoose && <p class="warn small">{ti('duesChoose')}</p>}
        <button type="button" class="btn primary block" disabled={toImport === 0 || mustChoose} onClick={onImport}>
          {ti('importButton', { count: formatCount(toImport) })}
        </button>
      </div>
      <button type="button" class="btn block" onClick={onBack}>
        {t('common.back')}
      </button>
    </section>
  );
}

function ProblemRow({ row, isIncluded, onToggle }: { row: CandidateRow; isIncluded: boolean; onToggle: (line: number) => void }) {
  return (
    <li data-severity={row.severity}>
      <div>
        <strong>{ti('line', { line: row.line })}</strong> · {row.name || <span class="muted">{ti('noName')}</span>}
      </div>
      <ul class="small">
        {row.problems.map((p, i) => (
          <li key={i} class={row.severity === 'error' ? 'error' : 'warn'}>
            {problemText(p)}
          </li>
        ))}
      </ul>
      {row.severity === 'warning' && (
        <label class="import-include">
          <input type="checkbox" checked={isIncluded} onChange={() => onToggle(row.line)} /> {ti('includeAnyway')}
        </label>
      )}
    </li>
  );
}
