import { t } from '../i18n';

export default function NotFoundPage() {
  return (
    <main class="page">
      <h1>{t('common.notFound')}</h1>
      <a class="btn" href="/">
        {t('common.backHome')}
      </a>
    </main>
  );
}
