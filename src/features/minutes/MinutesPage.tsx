// /meetings/:id/minutes — the minutes (biên bản) of one meeting. A draft opens in the editor
// (saved as typed, attendance live from the roll); finalized minutes show read-only as the
// formal document with the attendance block frozen at finalize, and take dated addenda.
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { useLive } from '../../data/live';
import { markDirty } from '../../pwa/dirty';
import { loadMinutesContext, type MinutesContext } from './minutes-context';
import { buildMinutesDoc, stampText } from './minutes-document';
import { MinutesEditor, MINUTES_FORM_ID, rescueKeyOf } from './MinutesEditor';
import { clearRescue } from './draft-rescue';
import { MinutesDocumentView } from './MinutesDocumentView';
import { AddendaPanel } from './AddendaPanel';
import './minutes.css';

function FinalizedView({ ctx }: { ctx: MinutesContext }) {
  useEffect(() => {
    // Locked: nothing typed can be saved any more.
    markDirty(MINUTES_FORM_ID, false);
    clearRescue(rescueKeyOf(ctx.meeting.id));
  }, [ctx.meeting.id]);
  const doc = buildMinutesDoc({ ...ctx, addenda: [] });
  return (
    <>
      <div class="minutes-status">
        <span class="badge final">{t('minutes.finalizedBadge')}</span>
      </div>
      <p class="notice" role="status">
        {t('minutes.finalizedAt', { time: ctx.minutes?.finalizedAt ? stampText(ctx.minutes.finalizedAt) : '' })}
      </p>
      <div class="doc-frame">
        <MinutesDocumentView doc={doc} />
      </div>
      <AddendaPanel meetingId={ctx.meeting.id} addenda={ctx.addenda} />
      <a class="btn block" href={`/meetings/${ctx.meeting.id}/minutes/print`}>
        {t('minutes.print')}
      </a>
    </>
  );
}

export default function MinutesPage() {
  const { params } = useRoute();
  // An async querier: Dexie's liveQuery keeps tracking reads across awaits only inside an
  // async function (a plain arrow returning a promise is read once and never refreshed).
  const live = useLive(async () => loadMinutesContext(params.id), [params.id]);
  const ctx = live.value;
  return (
    <main class="page minutes">
      <a class="back no-print" href={`/meetings/${params.id}`}>
        ← {t('minutes.back')}
      </a>
      <h1>
        {t('minutes.title')}
        {ctx && <span class="minutes-h1-sub">{ctx.meeting.title}</span>}
      </h1>
      {!live.isLoaded && <p class="muted">{t('common.loading')}</p>}
      {live.isLoaded && live.error !== undefined && (
        <p class="error" role="alert">
          {t('minutes.loadError')}
        </p>
      )}
      {live.isLoaded && !live.error && !ctx && <p>{t('minutes.notFound')}</p>}
      {ctx &&
        (ctx.isFinalized ? (
          <FinalizedView ctx={ctx} />
        ) : (
          <>
            {/* a reader sees the draft as a document (the print page marks it BẢN NHÁP) */}
            <p class="r" hidden>
              <a class="btn block" href={`/meetings/${ctx.meeting.id}/minutes/print`}>
                {t('minutes.print')}
              </a>
            </p>
            <div class="w">
              <MinutesEditor key={ctx.meeting.id} ctx={ctx} />
            </div>
          </>
        ))}
    </main>
  );
}
