// The bar above a document's print view (minutes, the year's plan, later reports): back, "In"
// (the browser's print, A4 by ui/doc-paper.css), ".docx" (the writer loads on request and is
// not precached: offline it may not be on the phone yet, and printing still works), the hint.
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { isChunkLoadError } from '../lib/chunk-error';

export interface PrintToolbarProps {
  backHref: string;
  backLabel: string;
  /** the document is there to print */
  ready: boolean;
  /** builds and downloads the .docx */
  makeDocx: () => Promise<void>;
}

export function PrintToolbar({ backHref, backLabel, ready, makeDocx }: PrintToolbarProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'error' | 'notDownloaded'>('idle');
  const onDocx = async () => {
    setState('busy');
    try {
      await makeDocx();
      setState('idle');
    } catch (e) {
      setState(isChunkLoadError(e) ? 'notDownloaded' : 'error');
    }
  };
  return (
    <div class="print-toolbar no-print">
      <a class="back" href={backHref}>
        ← {backLabel}
      </a>
      <div class="row">
        <button type="button" class="btn primary" onClick={() => window.print()} disabled={!ready}>
          {t('common.printNow')}
        </button>
        <button type="button" class="btn" onClick={onDocx} disabled={!ready || state === 'busy'}>
          {state === 'busy' ? t('common.preparingDocx') : t('common.downloadDocx')}
        </button>
      </div>
      {(state === 'error' || state === 'notDownloaded') && (
        <p class="error" role="alert">
          {t(state === 'error' ? 'common.docxError' : 'common.notDownloaded')}
        </p>
      )}
      <p class="muted small">{t('common.printHint')}</p>
    </div>
  );
}
