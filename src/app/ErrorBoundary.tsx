// A screen that throws shows a plain message and a way back, never a blank page.
import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n';

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
    return (
      <main class="page" role="alert">
        <h1>{t('common.errorTitle')}</h1>
        <p>{t('err.unexpected')}</p>
        <button class="btn" onClick={() => location.assign('/')}>
          {t('common.backHome')}
        </button>
      </main>
    );
  }
}
