// Settings (/settings): unit details, whose year, storage, language, backup and import links, install,
// app version. Vietnamese first; English loads only when chosen.
import { useEffect, useState } from 'preact/hooks';
import { currentLang, onLanguageChange, t } from '../../i18n';
import type { Lang } from '../../data/prefs';
import type { Unit } from '../../protocol/unit';
import { APP_VERSION } from '../../pwa/build-info';
import { UnitDetailsForm } from './UnitDetailsForm';
import { StorageCard } from './StorageCard';
import { InstallCard } from './InstallCard';
import { OfflineCard } from './OfflineCard';
import { LazySlot } from '../../ui/LazySlot';
import { chooseLanguage, getUnit } from './settings-repo';
import './settings.css';

const LANGS: { lang: Lang; label: string }[] = [
  { lang: 'vi', label: 'Tiếng Việt' },
  { lang: 'en', label: 'English' },
];

export default function SettingsPage() {
  const [unit, setUnit] = useState<Unit | null | undefined>(undefined);
  // The router keeps the same route element while the path is unchanged, so the App's
  // re-render on a language switch does not reach this page: listen here.
  const [, setLangTick] = useState(0);
  useEffect(() => onLanguageChange(() => setLangTick((n) => n + 1)), []);
  const [isLangMissing, setLangMissing] = useState(false);
  const pickLanguage = async (lang: Lang) => setLangMissing(!(await chooseLanguage(lang)));

  useEffect(() => {
    getUnit()
      .then((u) => setUnit(u ?? null))
      .catch(() => setUnit(null)); // no unit on this device yet
  }, []);

  return (
    <main class="page">
      <h1>{t('settings.title')}</h1>

      <section class="card" aria-labelledby="settings-unit">
        <h2 id="settings-unit">{t('settings.unitTitle')}</h2>
        {unit === undefined ? (
          <p class="muted">{t('common.loading')}</p>
        ) : unit === null ? (
          <p class="muted">{t('settings.noUnit')}</p>
        ) : (
          <>
            <p class="r" hidden>{unit.name}</p>
            <UnitDetailsForm unit={unit} onSaved={setUnit} />
          </>
        )}
        {unit && (
          <a class="btn block" href="/committee">
            {t('settings.committeeLink')}
          </a>
        )}
      </section>

      {/* set once, when the unit starts: its code loads after the screen (not precached) */}
      {unit && <LazySlot load={() => import('./YearKindCard').then((m) => m.YearKindCard)} />}

      <StorageCard />

      <OfflineCard />

      <section class="card" aria-labelledby="settings-lang">
        <h2 id="settings-lang">{t('settings.languageTitle')}</h2>
        <div class="row" role="group" aria-labelledby="settings-lang">
          {LANGS.map(({ lang, label }) => {
            const isActive = currentLang() === lang;
            return (
              <button
                key={lang}
                type="button"
                lang={lang}
                class={isActive ? 'btn primary' : 'btn'}
                aria-pressed={isActive}
                onClick={() => void pickLanguage(lang)}
              >
                {label}
              </button>
            );
          })}
        </div>
        {isLangMissing && (
          <p class="error" role="alert">
            {t('settings.langNotDownloaded')}
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="settings-data">
        <h2 id="settings-data">{t('settings.dataTitle')}</h2>
        <div class="stack">
          <a class="btn block" href="/settings/backup">
            {t('settings.backupLink')}
          </a>
          <a class="btn block w" href="/import">
            {t('settings.importLink')}
          </a>
        </div>
      </section>

      <InstallCard />

      <p class="muted small">{t('settings.version', { version: APP_VERSION })}</p>
    </main>
  );
}
