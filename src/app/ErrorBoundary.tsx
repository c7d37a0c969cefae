// A screen that throws shows a plain message and a way back, never a blank page. A chunk
// that is not on the phone (offline, never downloaded) says so rather than "an error".
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n';
import { isChunkLoadError } from '../lib/chunk-error';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  state: { error?: unknown } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  componentDidCatch(error: unknown) {
    console.error(error);
  }
  render() {
    if (!this.state.error) return this.props.children;
    const isMissing = isChunkLoadError(this.state.error);
    return (
      <main class="page" role="alert">
        <h1>{t(isMissing ? 'common.notDownloadedTitle' : 'common.errorTitle')}</h1>
        <p>{t(isMissing ? 'common.notDownloaded' : 'err.unexpected')}</p>
        <button class="btn" onClick={() => location.assign('/')}>
          {t('common.backHome')}
        </button>
      </main>
    );
  }
}
