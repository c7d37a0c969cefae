// Messages of the screens left out of the precache (rates, exemptions, the VietQR code, the
// bank account form, the year's grid, the remittance slip and the three-month warnings),
// registered by those chunks only, under the same "dues." namespace: tq('bankTitle') =
// t('dues.bankTitle'). Kept out of dues.json, which the precached dues screens carry (the
// grid's, the slip's and the warnings' words were 0.48 KB gz of it, issue 13 B1).
// Their English is in i18n/en/dues.json with the rest of the dues screens'.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/dues-desk.json';

registerMessages('dues', vi);

export function tq(key: keyof typeof vi, params?: Record<string, string | number>): string {
  return tDynamic(`dues.${key}`, params);
}
