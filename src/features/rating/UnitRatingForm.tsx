// The unit's own rating of the year, on the rating screen: the unit's proposal (chi đoàn đề
// nghị, tự đánh giá) and, once cấp trên has recognised a level (công nhận), that level — the
// one the plan's target 1 counts (protocol/recognition-rules.ts).
import { useReadOnly } from '../../ui/read-only';
import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { SelectField, TextAreaField } from '../../ui/fields';
import { RATING_LEVELS, type RatingLevel } from '../../protocol/rating-enums';
import type { UnitRating } from '../../protocol/rating';
import type { UnitRecognition } from '../../protocol/oversight';
import { errorText, levelLabel, levelShort, tr } from './i18n';

export function UnitRatingForm({ year, current, recognition }: { year: number; current?: UnitRating; recognition?: UnitRecognition }) {
  const [level, setLevel] = useState<RatingLevel | ''>(current?.level ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');
  const ro = useReadOnly();
  return (
    <details class="card group">
      <summary>{tr('unitTitle')}{current ? `: ${levelShort(current.level)}` : ''}</summary>
      {recognition ? (
        <p class="ok small" data-testid="recognised">
          {tr('recognisedLine', { level: levelLabel(recognition.level), date: formatDate(recognition.recognisedOn) })}
          {recognition.note ? ` — ${recognition.note}` : ''}
        </p>
      ) : (
        current && <p class="muted small">{tr('notRecognised')}</p>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!level) return;
          try {
            const { saveUnitRating } = await import('./rating-repo');
            await saveUnitRating(year, level, note);
            setMsg(tr('unitSaved'));
            setErr('');
          } catch (x) {
            setErr(errorText(x));
          }
        }}
      >
        {current && <p class="muted small">{tr('unitDecidedOn', { date: formatDate(current.decidedAt) })}</p>}
        <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <SelectField<RatingLevel | ''> id="unit-level" label={tr('unitLevel')} value={level} onChange={setLevel} options={[{ value: '', label: tr('choose') }, ...RATING_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))]} />
        <TextAreaField id="unit-note" label={tr('unitNote')} value={note} onInput={setNote} rows={2} />
        </fieldset>
        {msg && <p class="ok" role="status">{msg}</p>}
        {err && <p class="error" role="alert">{err}</p>}
        <button class="btn primary block w" type="submit" disabled={!level} style={{ marginBottom: '0.75rem' }}>{tr('save')}</button>
      </form>
    </details>
  );
}
