// /year/print — the year's plan on A4 in the formal layout (ui/doc-paper.css), for the printer
// or as a .docx to edit in Word and register with cấp trên (issue 9 item 7). ?y= another year.
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { parseYear, todayIso } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { useLive } from '../../data/live';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { buildPlanDoc, planFileName } from './plan-document';
import { PlanDocumentView } from './PlanDocumentView';
import { loadPlanPrint } from './plan-print-queries';

export default function PlanPrintPage() {
  const { query } = useRoute();
  const year = parseYear(query.y);
  const today = todayIso();
  const live = useLive(async () => loadPlanPrint(year, today), [year, today]);
  const input = live.value;
  const doc = input && buildPlanDoc(input);

  const makeDocx = async () => {
    if (!input || !doc) return;
    // The zip writer loads only when asked for.
    const [{ planDocx }, { DOCX_MIME }] = await Promise.all([import('./plan-docx'), import('../../lib/docx')]);
    downloadFile(planDocx(doc) as Uint8Array<ArrayBuffer>, planFileName(input.year, input.yearKind), DOCX_MIME);
  };

  return (
    <main class="doc-print">
      <PrintToolbar backHref={`/year${year ? `?y=${year}` : ''}`} backLabel={t('common.back')} ready={!!doc} makeDocx={makeDocx} />
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
