// /meetings/:id/minutes/print — the minutes on A4 in the formal layout, for the printer
// (ui/doc-paper.css: @page A4, 2 cm margins, Times New Roman, black on white, app chrome hidden)
// or as a .docx to edit in Word. Drafts print too, marked "BẢN NHÁP"; addenda follow the text.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { isChunkLoadError } from '../../lib/chunk-error';
import { useLive } from '../../data/live';
import { downloadFile } from '../../lib/download';
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
  const [docxState, setDocxState] = useState<'idle' | 'busy' | 'error' | 'notDownloaded'>('idle');
  const ctx = live.value;
  const doc = ctx && buildMinutesDoc(ctx);

  const onDocx = async () => {
    if (!ctx || !doc) return;
    setDocxState('busy');
    try {
      await downloadDocx(doc, ctx.meeting.startsAt);
      setDocxState('idle');
    } catch (e) {
      // The .docx writer is not precached (vite.config.ts); printing works offline regardless.
      setDocxState(isChunkLoadError(e) ? 'notDownloaded' : 'error');
    }
  };

  return (
    <main class="doc-print">
      <div class="print-toolbar no-print">
        <a class="back" href={`/meetings/${params.id}/minutes`}>
          ← {t('minutes.backToEditor')}
        </a>
        <div class="row">
          <button type="button" class="btn primary" onClick={() => window.print()} disabled={!doc}>
            {t('common.printNow')}
          </button>
          <button type="button" class="btn" onClick={onDocx} disabled={!doc || docxState === 'busy'}>
            {docxState === 'busy' ? t('common.preparingDocx') : t('common.downloadDocx')}
          </button>
        </div>
        {(docxState === 'error' || docxState === 'notDownloaded') && (
          <p class="error" role="alert">
            {t(docxState === 'error' ? 'common.docxError' : 'common.notDownloaded')}
          </p>
        )}
        <p class="muted small">{t('common.printHint')}</p>
      </div>
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
