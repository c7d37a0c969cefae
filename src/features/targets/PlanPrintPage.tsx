// /year/print — the year's plan on A4 in the formal layout (ui/doc-paper.css), for the printer
// or as a .docx to edit in Word and register with cấp trên (issue 9 item 7). ?y= another year.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { isChunkLoadError } from '../../lib/chunk-error';
import { parseYear, todayIso } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { useLive } from '../../data/live';
import { buildPlanDoc, planFileName, type PlanDoc } from './plan-document';
import { PlanDocumentView } from './PlanDocumentView';
import { loadPlanPrint } from './plan-print-queries';

async function downloadDocx(doc: PlanDoc, year: number, kind: 'calendar' | 'school'): Promise<void> {
  // The zip writer loads only when asked for.
  const [{ planDocx }, { DOCX_MIME }] = await Promise.all([import('./plan-docx'), import('../../lib/docx')]);
  downloadFile(planDocx(doc) as Uint8Array<ArrayBuffer>, planFileName(year, kind), DOCX_MIME);
}

export default function PlanPrintPage() {
  const { query } = useRoute();
  const year = parseYear(query.y);
  const today = todayIso();
  const live = useLive(async () => loadPlanPrint(year, today), [year, today]);
  const [docxState, setDocxState] = useState<'idle' | 'busy' | 'error' | 'notDownloaded'>('idle');
  const input = live.value;
  const doc = input && buildPlanDoc(input);
  const back = `/year${year ? `?y=${year}` : ''}`;

  const onDocx = async () => {
    if (!input || !doc) return;
    setDocxState('busy');
    try {
      await downloadDocx(doc, input.year, input.yearKind);
      setDocxState('idle');
    } catch (e) {
      setDocxState(isChunkLoadError(e) ? 'notDownloaded' : 'error');
    }
  };

  return (
    <main class="doc-print">
      <div class="print-toolbar no-print">
        <a class="back" href={back}>
          ← {t('common.back')}
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
      {live.error && <p class="error page" role="alert">{t('err.unexpected')}</p>}
      {doc && (
        <div class="doc-frame">
          <PlanDocumentView doc={doc} />
        </div>
      )}
    </main>
  );
}
