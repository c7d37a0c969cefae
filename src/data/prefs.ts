// Small device preferences, not synced, no transaction with the data (DESIGN.md):
// the current unit, the language, dismissed hints. Part of the shell: keep it tiny.
import { get, set, del } from 'idb-keyval';

export type Lang = 'vi' | 'en';

export const getCurrentUnitId = () => get<string>('currentUnitId');
export const setCurrentUnitId = (id: string) => set('currentUnitId', id);
export const clearCurrentUnitId = () => del('currentUnitId');
export const getLang = () => get<Lang>('lang');
export const setLang = (lang: Lang) => set('lang', lang);
export const getFlag = (name: string) => get<boolean>(`flag:${name}`);
export const setFlag = (name: string, value: boolean) => set(`flag:${name}`, value);
