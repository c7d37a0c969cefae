// Step 2: one select per source column, auto-mapped, editable; "Bỏ qua" leaves it out.
import { ti } from './i18n';
import { checkMapping, IMPORT_FIELDS, type ColumnMapping, type ColumnTarget } from './columns';
import type { ParsedSummary } from './pipeline';
import { formatCount, targetLabel } from './problem-text';

interface Props {
  summary: ParsedSummary;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onNext: () => void;
  onRestart: () => void;
}

const TARGETS: ColumnTarget[] = ['ignore', ...IMPORT_FIELDS];

export function MappingStep({ summary, mapping, onChange, onNext, onRestart }: Props) {
  const issue = checkMapping(mapping);
  const heading = (i: number) => summary.headers[i] || `#${i + 1}`;
  const set = (i: number, target: ColumnTarget) => onChange(mapping.map((m, j) => (j === i ? target : m)));
  return (
    <section aria-labelledby="import-step">
      <p id="import-step" class="muted small">
        {ti('stepMapping')}
      </p>
      <p>{ti('fileInfo', { file: summary.fileName, rows: formatCount(summary.dataRowCount), line: summary.headerLine })}</p>
      <p class="small muted">{ti('mappingHelp')}</p>
      <div class="card import-columns">
        {summary.headers.map((_, i) => (
          <div class="field" key={i} data-ignored={mapping[i] === 'ignore' ? '' : undefined}>
            <label for={`import-col-${i}`}>{ti('columnLabel', { column: heading(i) })}</label>
            <select id={`import-col-${i}`} value={mapping[i]} onChange={(e) => set(i, (e.target as HTMLSelectElement).value as ColumnTarget)}>
              {TARGETS.map((target) => (
                <option key={target} value={target}>
                  {targetLabel(target)}
                </option>
              ))}
            </select>
            {summary.samples[i] && <span class="hint">{ti('sample', { value: summary.samples[i] })}</span>}
          </div>
        ))}
      </div>
      {issue && (
        <p class="error" role="alert">
          {issue.kind === 'needsName'
            ? ti('mappingNeedsName')
            : ti('mappingDuplicate', { column: heading(issue.first), other: heading(issue.second), field: targetLabel(issue.field) })}
        </p>
      )}
      <div class="import-actions">
        <button type="button" class="btn primary block" disabled={!!issue} onClick={onNext}>
          {ti('next')}
        </button>
      </div>
      <button type="button" class="btn block" onClick={onRestart}>
        {ti('chooseAnother')}
      </button>
    </section>
  );
}
