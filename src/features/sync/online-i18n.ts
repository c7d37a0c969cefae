// Messages of the sync screens that need the network anyway (admin, join, devices), registered
// when their chunk loads: like the screens, they stay out of the precache and the shell.
// tso('joinTitle') = t('syncOnline.joinTitle'). The rest of sync's messages: src/sync/i18n.ts.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/sync-online.json';

registerMessages('syncOnline', vi);

export type SyncOnlineKey = keyof typeof vi;

export function tso(key: SyncOnlineKey, params?: Record<string, string | number>): string {
  return tDynamic(`syncOnline.${key}`, params);
}
