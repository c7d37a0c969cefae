// Finalized minutes are never edited (DESIGN.md): corrections and additions are dated
// addenda, each its own append-only row, listed under the minutes and printed after them.
import { useEffect, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { TextAreaField } from '../../ui/fields';
import { UserError } from '../../lib/user-error';
import { markDirty } from '../../pwa/dirty';
import type { Addendum } from '../../protocol/minutes';
import { addAddendum } from './minutes-repo';
import { stampText } from './minutes-document';

const FORM_ID = 'minutes-addendum';

export function AddendaPanel({ meetingId, addenda }: { meetingId: string; addenda: Addendum[] }) {
  const [text, setText] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  // gone from the screen (the user chose to leave it), the addendum no longer holds the page:
  // else every later tap on a link would ask again
  useEffect(() => () => markDirty(FORM_ID, false), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setMessage({ ok: false, text: tDynamic('err.required') });
      return;
    }
    setBusy(true);
    try {
      await addAddendum(meetingId, text.trim());
      setText('');
      markDirty(FORM_ID, false);
      setMessage({ ok: true, text: t('minutes.addendumSaved') });
    } catch (err) {
      const reason = err instanceof UserError ? tDynamic(err.key) : tDynamic('err.unexpected');
      setMessage({ ok: false, text: t('minutes.addendumError', { reason }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card minutes-part no-print" aria-labelledby="part-addenda">
      <h2 id="part-addenda">{t('minutes.addenda')}</h2>
      {addenda.length ? (
        <ol class="addenda">
          {addenda.map((a, i) => (
            <li key={a.id}>
              <div class="muted small">{t('minutes.addendumN', { n: i + 1, time: stampText(a.writtenAt) })}</div>
              <div class="addendum-text">{a.text}</div>
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{t('minutes.addendaEmpty')}</p>
      )}
      <form class="w" onSubmit={submit} noValidate>
        <TextAreaField
          id="minutes-addendum"
          label={t('minutes.addendumText')}
          hint={t('minutes.addendumHint')}
          rows={3}
          value={text}
          onInput={(v) => {
            setText(v.slice(0, 8000));
            setMessage(undefined);
            markDirty(FORM_ID, !!v.trim());
          }}
        />
        <button type="submit" class="btn primary" disabled={isBusy}>
          {isBusy ? t('common.saving') : t('minutes.addAddendum')}
        </button>
        {message && (
          <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
