// One section of the narrative: its heading, what belongs in it (on screen only, never
// printed), the text, and "Chèn câu số liệu" while today's figure sentences are not in it.
import type { ReportSection } from '../../protocol/report-enums';
import { missingLines } from './report-narrative';
import { sectionHint, sectionTitle, tr } from './i18n';

const LIMIT = 16000;
/** Rows enough to read the text without scrolling inside the box, at ~36 characters a row on a 360 px phone. */
const rowsFor = (v: string) => Math.min(14, Math.max(3, v.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 36)), 0) + 1));

export function SectionField(p: { section: ReportSection; value: string; lines: readonly string[]; onInput: (v: string) => void; onInsert: () => void }) {
  const id = `report-${p.section}`;
  const missing = missingLines(p.value, p.lines);
  return (
    <div class="field report-section">
      <label for={id}>{sectionTitle(p.section)}</label>
      <span class="hint" id={`${id}-hint`}>
        {sectionHint(p.section)}
      </span>
      <textarea
        id={id}
        name={id}
        rows={rowsFor(p.value)}
        value={p.value}
        aria-describedby={`${id}-hint`}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value.slice(0, LIMIT))}
      />
      {missing.length > 0 && (
        <div class="report-insert">
          <span class="muted small">{tr('insertFiguresHint', { n: missing.length })}</span>
          <button type="button" class="btn" onClick={p.onInsert} aria-label={`${tr('insertFigures')} – ${sectionTitle(p.section)}`}>
            {tr('insertFigures')}
          </button>
        </div>
      )}
    </div>
  );
}
