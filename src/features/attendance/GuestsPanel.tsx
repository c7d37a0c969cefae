// Guests who are not members of the branch (cấp trên, invited speakers): stored on the
// meeting (meeting.guests) through updateMeeting, so the minutes list them.
import { useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import type { Guest } from '../../protocol/meeting';
import { UserError } from '../../lib/user-error';

interface Props {
  guests: Guest[];
  locked: boolean;
  onChange: (guests: Guest[]) => Promise<unknown>;
}

export function GuestsPanel({ guests, locked, onChange }: Props) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const save = async (next: Guest[]) => {
    setBusy(true);
    setError(undefined);
    try {
      await onChange(next);
      return true;
    } catch (e) {
      setError(tDynamic(e instanceof UserError ? e.key : 'err.invalid'));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    if (await save([...guests, role.trim() ? { name: n, role: role.trim() } : { name: n }])) {
      setName('');
      setRole('');
    }
  };

  return (
    <details class="card guests">
      <summary>{t('attendance.guests', { n: guests.length })}</summary>
      <p class="muted small">{t('attendance.guestsHint')}</p>
      {guests.length ? (
        <ul class="guest-list">
          {guests.map((g, i) => (
            <li key={`${i}:${g.name}`}>
              <span>
                <strong>{g.name}</strong>
                {g.role && <span class="muted"> · {g.role}</span>}
              </span>
              {!locked && (
                <button
                  type="button"
                  class="btn"
                  disabled={busy}
                  aria-label={t('attendance.removeGuest', { name: g.name })}
                  onClick={() => void save(guests.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('attendance.noGuests')}</p>
      )}
      {!locked && (
        <form class="guest-form" onSubmit={add}>
          <div class="field">
            <label for="guest-name">{t('attendance.guestName')}</label>
            <input id="guest-name" value={name} maxLength={100} autoComplete="off" onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="guest-role">
              {t('attendance.guestRole')} <span class="muted small">({t('common.optional')})</span>
            </label>
            <input id="guest-role" value={role} maxLength={150} autoComplete="off" onInput={(e) => setRole((e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="btn primary block" disabled={busy || !name.trim()}>
            {busy ? t('attendance.saving') : t('attendance.addGuest')}
          </button>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
