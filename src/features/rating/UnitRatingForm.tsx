// The unit's own rating of the year (chi đoàn tự xếp loại), on the rating screen.
import { useReadOnly } from '../../ui/read-only';
import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { SelectField, TextAreaField } from '../../ui/fields';
import { RATING_LEVELS, type RatingLevel } from '../../protocol/rating-enums';
import type { UnitRating } from '../../protocol/rating';
import { errorText, levelLabel, levelShort, tr } from './i18n';

export function UnitRatingForm({ year, current }: { year: number; current?: UnitRating }) {
  const [level, setLevel] = useState<RatingLevel | ''>(current?.level ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');
  const ro = useReadOnly();
  return (
    <details class="card group">
      <summary>{tr('unitTitle')}{current ? `: ${levelShort(current.level)}` : ''}</summary>
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
