// t(): Vietnamese is the source of truth and bundled; English loads lazily, and any key it
// lacks falls back to Vietnamese (preact-www's per-key fallback). Keys are typed from the
// Vietnamese files: "namespace.key". Part of the shell: keep it small.
// Screens left out of the precache (first run, import, backup, the sync screens' chunk) bring their own
// Vietnamese and register it when they load (registerMessages), so it leaves the shell too.
import common from './vi/common.json';
import err from './vi/err.json';
import members from './vi/members.json';
import settings from './vi/settings.json';
import pwa from './vi/pwa.json';
import meetings from './vi/meetings.json';
import attendance from './vi/attendance.json';
import minutes from './vi/minutes.json';
import activities from './vi/activities.json';
import home from './vi/home.json';
import type { Lang } from '../data/prefs';

const vi = { common, err, members, settings, pwa, meetings, attendance, minutes, activities, home };
type Dict = typeof vi;
export type MessageKey = { [N in keyof Dict]: `${N & string}.${keyof Dict[N] & string}` }[keyof Dict];
/** A message; English ones with plural forms choose theirs from the params (en/index.ts). */
export type Message = string | ((params?: Record<string, string | number>) => string);
type Flat = Record<string, Message>;

const viFlat = flatten(vi);
let active: Flat = viFlat;
let lang: Lang = 'vi';
const listeners = new Set<() => void>();

function flatten(d: Record<string, Record<string, Message>>): Flat {
  const out: Flat = {};
  for (const [ns, entries] of Object.entries(d)) for (const [k, v] of Object.entries(entries)) out[`${ns}.${k}`] = v;
  return out;
}

/**
 * Messages of screens that load later (not bundled with the shell): a lazy chunk registers
 * its namespace when it loads; t()/tDynamic() then find "ns.key" like any other message.
 */
const lazyEn: Record<string, Record<string, Message>> = {};
export function registerMessages(ns: string, viDict: Record<string, string>, enDict?: Record<string, Message>): void {
  Object.assign(viFlat, flatten({ [ns]: viDict }));
  if (enDict) lazyEn[ns] = enDict;
  if (lang === 'en' && enDict) Object.assign(active, flatten({ [ns]: enDict }));
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let s = active[key] ?? viFlat[key] ?? key;
  if (typeof s != 'string') s = s(params); // "1 reversal", "2 reversals": Vietnamese has one form
  return params ? s.replace(/\{(\w+)\}/g, (_, p) => String(params[p] ?? `{${p}}`)) : s;
}

/** For messages whose key comes from data (zod issues, server errors): unknown keys show as given. */
export function tDynamic(key: string, params?: Record<string, string | number>): string {
  return t(key as MessageKey, params);
}

export function currentLang(): Lang {
  return lang;
}

/**
 * Switches the language. Stays in Vietnamese when English cannot be loaded — it is not
 * precached (vite.config.ts), so offline before its first download: currentLang() tells.
 */
export async function setLanguage(next: Lang): Promise<void> {
  if (next === 'en') {
    let en: Record<string, Record<string, Message>>;
    try {
      en = (await import('./en/index')).default;
    } catch {
      return;
    }
    active = { ...viFlat, ...flatten(en), ...flatten(lazyEn) };
  } else {
    active = viFlat;
  }
  lang = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const fn of listeners) fn();
}

export function onLanguageChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
