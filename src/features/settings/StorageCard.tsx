// How much this device stores and whether the browser may evict it (RELIABILITY.md 19:
// storage evicted because persist() was never asked).
import { useEffect, useState } from 'preact/hooks';
import { currentLang, t } from '../../i18n';
import { formatMegabytes, loadStorageInfo, requestPersistentStorage, type StorageInfo } from './settings-repo';

export function StorageCard() {
  const [info, setInfo] = useState<StorageInfo | undefined>(undefined);
  const [isDenied, setDenied] = useState(false);
  const [isAsking, setAsking] = useState(false);

  useEffect(() => {
    void loadStorageInfo().then(setInfo);
  }, []);

  async function ask() {
    setAsking(true);
    const isGranted = await requestPersistentStorage().catch(() => false);
    setAsking(false);
    setDenied(!isGranted);
    setInfo(await loadStorageInfo());
  }

  const lang = currentLang();
  const mb = (n: number) => formatMegabytes(n, lang);
  return (
    <section class="card" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storageTitle')}</h2>
      {info && (
        <>
          <p>
            {info.usage === undefined
              ? t('settings.storageUnknown')
              : info.quota
                ? t('settings.storageUsedOf', { used: mb(info.usage), quota: mb(info.quota) })
                : t('settings.storageUsed', { used: mb(info.usage) })}
          </p>
          {info.isPersisted === true && <p class="ok">{t('settings.persisted')}</p>}
          {info.isPersisted === false && (
            <>
              <p class="muted">{t('settings.notPersisted')}</p>
              <button class="btn" type="button" disabled={isAsking} onClick={() => void ask()}>
                {t('settings.requestPersist')}
              </button>
              {isDenied && (
                <p class="muted small" role="status">
                  {t('settings.persistDenied')}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
