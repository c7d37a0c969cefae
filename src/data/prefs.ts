// Small device preferences, not synced, no transaction with the data (DESIGN.md):
// the current unit, the language, dismissed hints. Part of the shell: keep it tiny.
import { get, set, del } from 'idb-keyval';

export type Lang = 'vi' | 'en';

/**
 * The current unit's id is kept in idb-keyval; localStorage holds a copy under UNIT_MARK that
 * the shell reads synchronously at boot, so it routes at once: no IndexedDB open before the
 * first screen, and a new phone goes straight to /setup (issue 13, B2). Every read of the
 * real id brings the copy in line; a phone without the copy (set up before it existed) is
 * checked the old way, in IndexedDB (src/app/App.tsx).
 */
const UNIT_MARK = 'scd:unit';
/** The copy: written (or removed) with every read or write of the real id; undefined when absent or storage is refused. */
const mark = (id?: string | null) => {
  try {
    if (id !== null) id ? localStorage.setItem(UNIT_MARK, id) : localStorage.removeItem(UNIT_MARK);
    return (knownUnit = localStorage.getItem(UNIT_MARK) ?? undefined);
  } catch {}
};
let knownUnit: string | undefined;
/** The copy in localStorage, remembered as the known unit. */
export const markedUnitId = () => mark(null);
export const getCurrentUnitId = () => get<string>('currentUnitId').then((id) => (mark(id), (knownUnit = id)));
export const setCurrentUnitId = (id: string) => (mark(id), (knownUnit = id), set('currentUnitId', id));
export const clearCurrentUnitId = () => (mark(), (knownUnit = undefined), del('currentUnitId'));
/** The current unit as last read or set (the shell reads it at boot), for a first render that cannot wait. */
export const knownUnitId = () => knownUnit;
/** Truthy when a supervisor is signed in here (features/above/registry.ts keeps the session under 'above'). */
export const hasAbove = () => get('above');
export const getLang = () => get<Lang>('lang');
export const setLang = (lang: Lang) => set('lang', lang);
export const getFlag = (name: string) => get<boolean>(`flag:${name}`);
export const setFlag = (name: string, value: boolean) => set(`flag:${name}`, value);
