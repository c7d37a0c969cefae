// Ending a seat: the last day held and why (moved away, resigned, elected to another seat,
// dismissed, or a reason typed); the seat becomes empty until a by-election. An end entered
// by mistake can be cleared, and a seat entered by mistake deleted.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { TextField } from '../../ui/fields';
import type { NamedSeat } from './committee-queries';
import { END_REASONS, errorText, reasonLabel, tc } from './i18n';

const FORM_ID = 'committee-seat-end';

export function SeatEndCard({ seat }: { seat: NamedSeat }) {
  const { route } = useLocation();
  const s = seat.seat;
  const [to, setTo] = useState(todayIso());
  const [reason, setReason] = useState<string>('');
  const [other, setOther] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  // an end half-filled holds the page (reload, a tap on a link); let go when the card closes
  useEffect(() => () => markDirty(FORM_ID, false), []);
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    markDirty(FORM_ID, true);
  };

  const run = async (write: (repo: typeof import('./committee-repo')) => Promise<unknown>) => {
    setError('');
    setBusy(true);
    try {
      await write(await import('./committee-repo'));
      markDirty(FORM_ID, false);
      route('/committee');
    } catch (x) {
      setError(errorText(x));
    } finally {
      setBusy(false);
    }
  };

  const end = (e: Event) => {
    e.preventDefault();
    const iso = parseDateText(to);
    if (!iso) return setError(tDynamic('err.date'));
    return run((r) => r.endSeat(s.id, iso, reason === 'other' ? other : reason));
  };
  const remove = () => {
    if (confirm(tc('removeConfirm'))) void run((r) => r.removeSeat(s.id));
  };

  return (
    <>
      {s.to ? (
        <section class="card">
          <h2>{tc('endTitle')}</h2>
          <p>{tc('endedNote', { date: formatDate(s.to), reason: reasonLabel(s.endReason) })}</p>
          <button type="button" class="btn block" disabled={isBusy} onClick={() => void run((r) => r.updateSeat(s.id, { to: '' }))}>{tc('reopen')}</button>
        </section>
      ) : (
        <form class="card" onSubmit={end} novalidate>
          <h2>{tc('endTitle')}</h2>
          <p class="muted">{tc('endLead')}</p>
          <TextField id="st-to" type="date" label={tc('to')} value={to} onInput={edit(setTo)} required />
          <fieldset class="cm-reasons">
            <legend>{tc('reason')}</legend>
            {[...END_REASONS, 'other' as const].map((r) => (
              <label key={r} class="check-line">
                <input type="radio" name="st-reason" value={r} checked={reason === r} onChange={() => edit(setReason)(r)} />
                {tc(`reason_${r}`)}
              </label>
            ))}
          </fieldset>
          {reason === 'other' && <TextField id="st-reason-other" label={tc('reasonOther')} value={other} onInput={edit(setOther)} />}
          <div class="form-actions">
            <button type="submit" class="btn primary" disabled={isBusy}>{tc('endSeat')}</button>
          </div>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" class="btn block" disabled={isBusy} onClick={remove}>{tc('removeSeat')}</button>
    </>
  );
}
