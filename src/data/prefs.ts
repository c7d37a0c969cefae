// Small device preferences, not synced, no transaction with the data (DESIGN.md):
// the current unit, the language, dismissed hints. Part of the shell: keep it tiny.
import { get, set, del } from 'idb-keyval';

export type Lang = 'vi' | 'en';

let knownUnit: string | undefined;
export const getCurrentUnitId = () => get<string>('currentUnitId').then((id) => (knownUnit = id));
export const setCurrentUnitId = (id: string) => ((knownUnit = id), set('currentUnitId', id));
export const clearCurrentUnitId = () => ((knownUnit = undefined), del('currentUnitId'));
/** The current unit as last read or set (the shell reads it at boot), for a first render that cannot wait. */
export const knownUnitId = () => knownUnit;
/** Truthy when a supervisor is signed in here (features/above/registry.ts keeps the session under 'above'). */
export const hasAbove = () => get('above');
export const getLang = () => get<Lang>('lang');
export const setLang = (lang: Lang) => set('lang', lang);
export const getFlag = (name: string) => get<boolean>(`flag:${name}`);
export const setFlag = (name: string, value: boolean) => set(`flag:${name}`, value);
