// The PWA banners, one at a time, most important first: reload needed → update waiting →
// ready offline → install offer → iOS add-to-home hint. Loaded lazily by PwaMount; starts
// the service worker on first mount.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t } from '../i18n';
import { getFlag, setFlag } from '../data/prefs';
import { onPwaState, patchPwaState, pwaState, type PwaState } from './state';
import { applyUpdate, dismissUpdate, startServiceWorker } from './update';
import { canInstall, needsIosInstallHint, onInstallChange, promptInstall } from './install';
import { isAnyFormDirty, onDirtyChange } from './dirty';

const OFFLINE_READY_MS = 6000;
export const INSTALL_BANNER_FLAG = 'installBannerDismissed';
export const IOS_HINT_FLAG = 'iosHintDismissed';

// The banner floats above the bottom bar; the page keeps room below its content for it
// (--banner-space), so it never hides a button the user needs, e.g. the import's "Tiếp tục",
// and what floats at the bottom (the "+ Thêm" button, the dues action bar, toasts) rises above
// it: the banner's height plus the 12 px it sits above the bottom bar.
export function PwaUi() {
  const slot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = slot.current!;
    if (typeof ResizeObserver === 'undefined') return; // Safari before 13.4: the banner floats as before
    const root = document.documentElement.style;
    const ro = new ResizeObserver(() => root.setProperty('--banner-space', `${el.offsetHeight && el.offsetHeight + 12}px`));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div class="banner-slot" ref={slot}>
      <Banner />
    </div>
  );
}

function Banner() {
  const state = usePwaState();
  const { path } = useLocation();
  const [isInstallable, setInstallable] = useState(canInstall);
  const [hiddenHints, setHiddenHints] = useState<{ install: boolean; ios: boolean } | null>(null);

  useEffect(() => {
    void startServiceWorker().catch((e) => console.warn('service worker registration failed', e));
    void Promise.all([getFlag(INSTALL_BANNER_FLAG), getFlag(IOS_HINT_FLAG)]).then(([install, ios]) =>
      setHiddenHints({ install: !!install, ios: !!ios }),
    );
    return onInstallChange(() => setInstallable(canInstall()));
  }, []);

  useEffect(() => {
    if (!state.isOfflineReady) return;
    const timer = setTimeout(() => patchPwaState({ isOfflineReady: false }), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [state.isOfflineReady]);

  if (state.reloadReason) {
    const key =
      state.reloadReason === 'dbUpgrade'
        ? 'pwa.reloadDbUpgrade'
        : state.reloadReason === 'afterSave'
          ? 'pwa.reloadAfterSave'
          : 'pwa.reloadOtherTab';
    return (
      <div class="banner" role="alert">
        <p>{t(key)}</p>
        <button class="btn" onClick={() => location.reload()}>
          {t('pwa.reload')}
        </button>
      </div>
    );
  }

  if (state.isUpdateWaiting && !state.isUpdateDismissed) {
    return (
      <div class="banner" role="status">
        <p>
          <strong>{t('pwa.updateAvailable')}</strong>
          {state.mustSaveFirst && (
            <>
              <br />
              {t('pwa.saveFirst')}
            </>
          )}
        </p>
        <div class="row">
          <button class="btn primary" disabled={state.isUpdating} onClick={() => void applyUpdate()}>
            {state.isUpdating ? t('pwa.updating') : t('pwa.update')}
          </button>
          <button class="btn" disabled={state.isUpdating} onClick={dismissUpdate}>
            {t('pwa.later')}
          </button>
        </div>
      </div>
    );
  }

  if (state.isOfflineReady) {
    return (
      <div class="banner" role="status">
        <p>{t('pwa.offlineReady')}</p>
        <button class="btn" onClick={() => patchPwaState({ isOfflineReady: false })}>
          {t('pwa.dismiss')}
        </button>
      </div>
    );
  }

  // Offers to install wait for a calm moment: not on first run (setting up or joining), not over
  // a form, an import or a roll.
  const isCalm = !/\/(setup|join|new|edit|import|backup|roll|minutes)$/.test(path);
  if (!hiddenHints || !isCalm) return null;
  const hide = (which: 'install' | 'ios') => {
    setHiddenHints({ ...hiddenHints, [which]: true });
    void setFlag(which === 'install' ? INSTALL_BANNER_FLAG : IOS_HINT_FLAG, true);
  };

  if (isInstallable && !hiddenHints.install) {
    return (
      <div class="banner" role="status">
        <p>{t('pwa.installBanner')}</p>
        <div class="row">
          <button
            class="btn primary"
            onClick={() => {
              hide('install');
              void promptInstall();
            }}
          >
            {t('pwa.install')}
          </button>
          <button class="btn" onClick={() => hide('install')}>
            {t('pwa.later')}
          </button>
        </div>
      </div>
    );
  }

  if (!hiddenHints.ios && needsIosInstallHint()) {
    return (
      <div class="banner" role="status">
        <p>{t('pwa.iosHint')}</p>
        <button class="btn" onClick={() => hide('ios')}>
          {t('pwa.gotIt')}
        </button>
      </div>
    );
  }
  return null;
}

function usePwaState(): PwaState {
  const [state, setState] = useState(pwaState);
  useEffect(() => {
    const offState = onPwaState(() => setState(pwaState()));
    setState(pwaState());
    // Saving (or cancelling) the form clears the "save first" note.
    const offDirty = onDirtyChange(() => {
      if (!isAnyFormDirty()) patchPwaState({ mustSaveFirst: false });
    });
    return () => {
      offState();
      offDirty();
    };
  }, []);
  return state;
}
