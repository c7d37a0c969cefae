// Messages of the screens left out of the precache (rates, exemptions, the VietQR code and the
// bank account form), registered by those chunks only, under the same "dues." namespace: tq('bankTitle') = t('dues.bankTitle').
// Their English is in i18n/en/dues.json with the rest of the dues screens'.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/dues-desk.json';

registerMessages('dues', vi);

export function tq(key: keyof typeof vi, params?: Record<string, string | number>): string {
  return tDynamic(`dues.${key}`, params);
}
