// /reports/:id/print?v=N — the report on A4 in the usual layout (ui/doc-paper.css), for the
// printer, as .docx, its figures as .xlsx, and Share: the .docx through the phone's share
// sheet (how secretaries send it to cấp trên on Zalo), downloaded where files cannot be
// shared. ?v=N is sent version N exactly as frozen; without it, the working copy with today's
// figures while it is a draft (marked BẢN NHÁP), else the version it was sent as.
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { isChunkLoadError } from '../../lib/chunk-error';
import { shareOrDownload } from '../../lib/share';
import { useLive } from '../../data/live';
import { PrintToolbar } from '../../ui/PrintToolbar';
import { td } from './doc-i18n';
import { buildReportDoc, draftDocInput, localDay, reportFileName, versionDocInput, type ReportDoc } from './report-document';
import { loadReportPrint, type ReportPrintData } from './report-print-queries';
import { ReportDocumentView } from './ReportDocumentView';

/** The writers load only when asked for (or once the page shows, so Share keeps its tap). */
const loadDocx = () => Promise.all([import('./report-docx'), import('../../lib/docx')]);

function parseVersion(s: string | undefined): number | undefined {
  return /^\d{1,4}$/.test(s ?? '') && Number(s) >= 1 ? Number(s) : undefined;
}

function docOf(data: ReportPrintData, today: string): ReportDoc | undefined {
  const s = data.shown;
  if (s.kind === 'version') return buildReportDoc(versionDocInput(s.version, data.unit?.kind));
  if (s.kind === 'draft') return buildReportDoc(draftDocInput(s.report, data.unit, s.figures, today));
  return undefined;
}

function Versions({ id, data, current }: { id: string; data: ReportPrintData; current: number | undefined }) {
  const draft = data.report?.status === 'draft';
  if (data.versions.length + (draft ? 1 : 0) < 2) return null;
  const href = (v?: number) => `/reports/${encodeURIComponent(id)}/print${v ? `?v=${v}` : ''}`;
  return (
    <nav aria-label={td('versions')}>
      <ul class="rdoc-versions">
        {data.versions.map((v) => (
          <li key={v.version}>
            <a href={href(v.version)} aria-current={current === v.version ? 'page' : undefined}>
              {td('versionSent', { n: v.version, date: formatDate(localDay(v.submittedAt)) })}
            </a>
          </li>
        ))}
        {draft && (
          <li>
            <a href={href()} aria-current={current === undefined ? 'page' : undefined}>
              {td('workingCopy')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export default function ReportPrintPage() {
  const { params, query } = useRoute();
  const id = params.id;
  const v = parseVersion(query.v);
  const today = todayIso();
  const live = useLive(async () => loadReportPrint(id, v, today), [id, v, today]);
  const data = live.value;
  const doc = data && docOf(data, today);
  const shown = data?.shown;
  const version = shown?.kind === 'version' ? shown.version.version : undefined;
  const [state, setState] = useState<'idle' | 'busy' | 'downloadedInstead' | 'error' | 'notDownloaded'>('idle');

  useEffect(() => {
    if (doc) loadDocx().catch(() => undefined);
  }, [!!doc]);

  const run = async (work: () => Promise<void>) => {
    setState('busy');
    try {
      await work();
      setState((s) => (s === 'busy' ? 'idle' : s));
    } catch (e) {
      setState(isChunkLoadError(e) ? 'notDownloaded' : 'error');
    }
  };
  const docxBytes = async () => {
    const [{ reportDocx }, { DOCX_MIME }] = await loadDocx();
    return { bytes: reportDocx(doc!) as Uint8Array<ArrayBuffer>, fileName: reportFileName(id, version, 'docx'), mimeType: DOCX_MIME };
  };
  const makeDocx = async () => {
    if (!doc) return;
    const f = await docxBytes();
    downloadFile(f.bytes, f.fileName, f.mimeType);
  };
  const onXlsx = () =>
    run(async () => {
      const { reportXlsx, XLSX_MIME } = await import('./report-xlsx');
      const name = shown?.kind === 'version' ? shown.version.unitName : (data?.unit?.name ?? '');
      downloadFile(reportXlsx(doc!, name) as Uint8Array<ArrayBuffer>, reportFileName(id, version, 'xlsx'), XLSX_MIME);
    });
  const onShare = () =>
    run(async () => {
      const f = await docxBytes();
      const outcome = await shareOrDownload({ ...f, title: `${doc!.title} ${doc!.subtitle}` }, downloadFile);
      if (outcome === 'downloaded') setState('downloadedInstead');
    });

  return (
    <main class="doc-print">
      <PrintToolbar backHref={`/reports/${encodeURIComponent(id)}`} backLabel={td('backToReport')} ready={!!doc} makeDocx={makeDocx} />
      {doc && data && (
        <div class="rdoc-actions no-print">
          <div class="row">
            <button type="button" class="btn" onClick={onXlsx} disabled={state === 'busy'}>
              {td('downloadXlsx')}
            </button>
            <button type="button" class="btn" onClick={onShare} disabled={state === 'busy'}>
              {state === 'busy' ? td('preparing') : td('share')}
            </button>
          </div>
          {state === 'downloadedInstead' && <p role="status">{td('downloadedInstead')}</p>}
          {(state === 'error' || state === 'notDownloaded') && (
            <p class="error" role="alert">
              {state === 'error' ? td('fileError') : t('common.notDownloaded')}
            </p>
          )}
          <Versions id={id} data={data} current={version} />
          <p class="muted small">
            {shown?.kind === 'version'
              ? td('sentNote', { n: shown.version.version, date: formatDate(localDay(shown.version.submittedAt)) })
              : td('draftNote', { date: formatDate(shown?.kind === 'draft' ? shown.figures.asOf : today) })}
          </p>
        </div>
      )}
      {!live.isLoaded && <p class="muted page">{t('common.loading')}</p>}
      {live.error && (
        <p class="error page" role="alert">
          {td('loadError')}
        </p>
      )}
      {data && !doc && (
        <section class="page">
          <h1>{v ? td('noSuchVersion', { n: v }) : td('notStarted')}</h1>
          {!v && <p class="muted">{td('notStartedHint')}</p>}
          <a class="btn" href={`/reports/${encodeURIComponent(id)}`}>
            {td('openReport')}
          </a>
        </section>
      )}
      {doc && (
        <div class="doc-frame">
          <ReportDocumentView doc={doc} />
        </div>
      )}
    </main>
  );
}
