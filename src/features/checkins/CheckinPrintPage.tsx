// /above/unit/:unitId/checkins/:id/print and /checkins/:id/print — the check-in as "Biên bản
// giao ban" on A4 (ui/doc-paper.css), for the printer or as a .docx to edit in Word.
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { downloadFile } from '../../lib/download';
import { useLive } from '../../data/live';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { buildCheckinDoc, checkinFileName } from './checkin-document';
import { CheckinDocumentView } from './CheckinDocumentView';
import { loadCheckinPrint } from './checkin-print-queries';
import { checkinsBase, useCheckinDb } from './use-checkin-db';
import { tc } from './i18n';

export default function CheckinPrintPage() {
  const { params } = useRoute();
  const unitId = params.unitId as string | undefined;
  const id = params.id as string;
  const { db } = useCheckinDb(unitId);
  const live = useLive(async () => (db ? ((await loadCheckinPrint(db, id)) ?? null) : undefined), [db, id]);
  const input = live.value;
  const doc = input ? buildCheckinDoc(input) : undefined;

  const makeDocx = async () => {
    if (!input || !doc) return;
    // The zip writer loads only when asked for.
    const [{ checkinDocx }, { DOCX_MIME }] = await Promise.all([import('./checkin-docx'), import('../../lib/docx')]);
    downloadFile(checkinDocx(doc) as Uint8Array<ArrayBuffer>, checkinFileName(input.checkIn.date), DOCX_MIME);
  };

  return (
    <main class="doc-print">
      <PrintToolbar backHref={`${checkinsBase(unitId)}/${encodeURIComponent(id)}`} backLabel={t('common.back')} ready={!!doc} makeDocx={makeDocx} />
      {input === undefined && !live.error && <p class="muted page">{t('common.loading')}</p>}
      {input === null && (
        <div class="page">
          <h1>{tc('title')}</h1>
          <p class="muted">{tc('notFound')}</p>
        </div>
      )}
      {live.error && (
        <p class="error page" role="alert">
          {t('err.unexpected')}
        </p>
      )}
      {doc && (
        <div class="doc-frame">
          <CheckinDocumentView doc={doc} />
        </div>
      )}
    </main>
  );
}
