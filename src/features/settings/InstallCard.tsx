// Install: the browser's own dialog where beforeinstallprompt fired (captured at boot by
// src/pwa/install.ts), the Share-sheet hint on iOS, or a note that it is already installed.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { canInstall, isStandalone, needsIosInstallHint, onInstallChange, promptInstall } from '../../pwa/install';

export function InstallCard() {
  const [isInstallable, setInstallable] = useState(canInstall);
  useEffect(() => onInstallChange(() => setInstallable(canInstall())), []);

  let body;
  if (isStandalone()) body = <p class="ok">{t('settings.installed')}</p>;
  else if (isInstallable)
    body = (
      <button class="btn" type="button" onClick={() => void promptInstall()}>
        {t('pwa.install')}
      </button>
    );
  else if (needsIosInstallHint()) body = <p>{t('pwa.iosHint')}</p>;
  else body = <p class="muted">{t('settings.installUnavailable')}</p>;

  return (
    <section class="card" aria-labelledby="settings-install">
      <h2 id="settings-install">{t('settings.installTitle')}</h2>
      {body}
    </section>
  );
}
