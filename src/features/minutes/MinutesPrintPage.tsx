// /meetings/:id/minutes/print — the minutes on A4 in the formal layout, for the printer
// (ui/doc-paper.css: @page A4, 2 cm margins, Times New Roman, black on white, app chrome hidden)
// or as a .docx to edit in Word. Drafts print too, marked "BẢN NHÁP"; addenda follow the text.
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { useLive } from '../../data/live';
import { downloadFile } from '../../lib/download';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { loadMinutesContext } from './minutes-context';
import { buildMinutesDoc, type MinutesDoc } from './minutes-document';
import { MinutesDocumentView } from './MinutesDocumentView';
import './minutes.css';

async function downloadDocx(doc: MinutesDoc, startsAt: string): Promise<void> {
  // The zip writer loads only when asked for.
  const [{ minutesDocx, minutesFileName }, { DOCX_MIME }] = await Promise.all([import('./minutes-docx'), import('../../lib/docx')]);
  downloadFile(minutesDocx(doc) as Uint8Array<ArrayBuffer>, minutesFileName(startsAt), DOCX_MIME);
}

export default function MinutesPrintPage() {
  const { params } = useRoute();
  // An async querier: Dexie's liveQuery keeps tracking reads across awaits only inside an
  // async function (a plain arrow returning a promise is read once and never refreshed).
  const live = useLive(async () => loadMinutesContext(params.id), [params.id]);
  const ctx = live.value;
  const doc = ctx && buildMinutesDoc(ctx);

  return (
    <main class="doc-print">
      <PrintToolbar
        backHref={`/meetings/${params.id}/minutes`}
        backLabel={t('minutes.backToEditor')}
        ready={!!doc}
        makeDocx={async () => {
          if (ctx && doc) await downloadDocx(doc, ctx.meeting.startsAt);
        }}
      />
      {!live.isLoaded && <p class="muted page">{t('common.loading')}</p>}
      {live.isLoaded && !ctx && <p class="page">{live.error ? t('minutes.loadError') : t('minutes.notFound')}</p>}
      {doc && (
        <div class="doc-frame">
          <MinutesDocumentView doc={doc} titleAs="h1" />
        </div>
      )}
    </main>
  );
}
