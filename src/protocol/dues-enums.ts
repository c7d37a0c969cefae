// Dues enums and defaults without zod (screens and rules use them without the schema library).

export const DUES_METHODS = ['cash', 'transfer'] as const;
export type DuesMethod = (typeof DUES_METHODS)[number];

/**
 * Monthly rates in đồng by dues category, in force since 2011 (Quyết định 289-QĐ/TWĐTN of
 * Ban Bí thư Trung ương Đoàn on đoàn phí; DOMAIN.md "Dues"): 2,000 đ unsalaried (students,
 * pupils, unemployed), 5,000 đ salaried. Units may record other rates with an effective month.
 */
export const DEFAULT_DUES_RATES = { unsalaried: 2000, salaried: 5000 } as const;
export const DEFAULT_RATES_FROM = '2011-01';

/** An exemption covers at most six months (DOMAIN.md "Dues"). */
export const MAX_EXEMPTION_MONTHS = 6;
