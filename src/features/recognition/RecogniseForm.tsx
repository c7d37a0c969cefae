// The level cấp trên recognises for the unit's year (công nhận): the plan's target 1. Starts
// from the unit's proposal, so agreeing with it is one tap.
import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { SelectField, TextAreaField } from '../../ui/fields';
import { RATING_LEVELS, type RatingLevel } from '../../protocol/rating-enums';
import type { UnitRecognition } from '../../protocol/oversight';
import { errorText, levelLabel, tr } from './i18n';

export function RecogniseForm({ unitId, year, current, proposal, onSaved }: { unitId: string; year: number; current?: UnitRecognition; proposal?: RatingLevel; onSaved: () => void }) {
  const [level, setLevel] = useState<RatingLevel | ''>(current?.level ?? proposal ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <section class="card">
      <h2 style={{ marginTop: 0 }}>{tr('recogniseTitle')}</h2>
      {current && (
        <>
          <p class="ok small" data-testid="recognised">{tr('recognisedLine', { level: levelLabel(current.level), date: formatDate(current.recognisedOn) })}</p>
          {current.byName && <p class="muted small">{tr('recognisedBy', { name: current.byName })}</p>}
        </>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            const { recogniseLevel } = await import('./recognition-repo');
            await recogniseLevel(unitId, year, level, note);
            setMsg(tr('saved'));
            setErr('');
            onSaved();
          } catch (x) {
            setErr(errorText(x));
          } finally {
            setBusy(false);
          }
        }}
      >
        <SelectField<RatingLevel | ''> id="recognised-level" label={tr('level')} value={level} onChange={setLevel} options={[{ value: '', label: tr('choose') }, ...RATING_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))]} />
        {level && proposal && level !== proposal && <p class="muted small">{tr('differs')}</p>}
        <TextAreaField id="recognised-note" label={tr('note')} value={note} onInput={setNote} rows={2} />
        {msg && <p class="ok" role="status">{msg}</p>}
        {err && <p class="error" role="alert">{err}</p>}
        <button class="btn primary block" type="submit" disabled={busy || !level}>{tr('save')}</button>
      </form>
    </section>
  );
}
