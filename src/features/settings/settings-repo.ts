// What the settings screen reads and changes. Unit details go through the setup feature's
// unit repo (one write path: row + outbox in one transaction); the rest are device-only.
import { currentLang, setLanguage } from '../../i18n';
import { setLang, type Lang } from '../../data/prefs';
import { storageInfo, type StorageInfo } from '../../data/storage';
import { currentUnitYear, settingYearKind } from '../../data/unit-year';
import type { YearKind, YearSpan } from '../../protocol/year';

export { getUnit, updateUnit } from '../setup/unit-repo';
export type { StorageInfo };

/** The unit's year setting and the year it is in today (the setting's card shows both). */
export async function loadYearKind(today: string): Promise<{ kind: YearKind; current: YearSpan }> {
  const [kind, current] = await Promise.all([settingYearKind(), currentUnitYear(today)]);
  return { kind, current };
}

export function loadStorageInfo(): Promise<StorageInfo> {
  return storageInfo();
}

/**
 * Asks the browser to keep this site's data when the device runs low on space. Unlike the
 * automatic request after the first record (data/storage.ts), this runs every time the user
 * taps the button: Chromium may say yes later (e.g. once the app is installed).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return navigator.storage.persist();
}

/**
 * Switches the UI language (English loads lazily) and remembers it on this device. False:
 * English is not on the phone yet and cannot be downloaded now; nothing changes.
 */
export async function chooseLanguage(lang: Lang): Promise<boolean> {
  await setLanguage(lang);
  if (currentLang() !== lang) return false;
  await setLang(lang);
  return true;
}

/** Bytes → megabytes with one decimal, Vietnamese digits style ("1,5"). */
export function formatMegabytes(bytes: number, locale: string): string {
  return (bytes / 1_000_000).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: bytes < 10_000_000 ? 1 : 0,
  });
}

/** The sub-groups textarea: one name per line; blank lines and repeats dropped. */
export function parseSubGroups(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const name = line.trim();
    if (name) seen.add(name);
  }
  return [...seen];
}
