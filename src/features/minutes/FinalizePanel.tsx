// "Chốt biên bản": asks first, saying plainly what it does — the minutes and the roll are
// locked for good and only dated addenda can follow — then saves what is typed and
// finalizes (minutes-repo.ts freezes the attendance block from the roll in the same write).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { UserError } from '../../lib/user-error';
import { finalizeMinutes } from './minutes-repo';
import type { MinutesContext } from './minutes-context';

export function FinalizePanel(p: { ctx: MinutesContext; errorCount: number; saveFirst: () => Promise<boolean> }) {
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const dialog = useRef<HTMLDivElement>(null);
  // The question opens at the bottom of a long form: bring it into view.
  useEffect(() => {
    if (isAsking) dialog.current?.scrollIntoView?.({ block: 'center' });
  }, [isAsking]);
  const a = p.ctx.attendance;
  const unmarked = a.total - a.present - a.absentExcused.length - a.absentUnexcused.length;

  const ask = () => {
    if (p.errorCount) {
      setMessage(t('minutes.fixBeforeFinalize', { n: p.errorCount }));
      (document.querySelector('.minutes-editor [data-invalid] input, .minutes-editor [data-invalid]') as HTMLElement | null)?.scrollIntoView?.({ block: 'center' });
      return;
    }
    setMessage(undefined);
    setAsking(true);
  };

  const confirm = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (!(await p.saveFirst())) throw new UserError('err.unexpected');
      await finalizeMinutes(p.ctx.meeting.id);
      // The page re-renders read-only from the live query.
    } catch (err) {
      setMessage(err instanceof UserError ? tDynamic(err.key) : tDynamic('err.unexpected'));
      setBusy(false);
    }
  };

  return (
    <section class="finalize no-print">
      {!isAsking && (
        <button type="button" class="btn primary block" onClick={ask}>
          {t('minutes.finalize')}
        </button>
      )}
      {isAsking && (
        <div ref={dialog} class="card confirm" role="alertdialog" aria-labelledby="finalize-title" aria-describedby="finalize-explain">
          <h2 id="finalize-title">{t('minutes.finalizeTitle')}</h2>
          <p id="finalize-explain">{t('minutes.finalizeExplain')}</p>
          <p>
            {t('minutes.finalizeAttendance', { present: a.present, total: a.total })}
            {unmarked > 0 && (
              <>
                {' '}
                <b class="minutes-warn-text">{t('minutes.finalizeUnmarked', { n: unmarked })}</b>
              </>
            )}
          </p>
          <div class="form-actions">
            <button type="button" class="btn" onClick={() => setAsking(false)} disabled={isBusy}>
              {t('common.cancel')}
            </button>
            <button type="button" class="btn primary" onClick={confirm} disabled={isBusy}>
              {isBusy ? t('minutes.finalizing') : t('minutes.finalizeConfirm')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <a class="btn block" href={`/meetings/${p.ctx.meeting.id}/minutes/print`}>
        {t('minutes.print')}
      </a>
    </section>
  );
}
