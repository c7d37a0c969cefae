// The registration form: typed values → the repo's input, or per-field error keys. Pure,
// tested. The budget: with sources the total is their sum (shown, not typed); without, the
// total as typed. Emptied text is '' (an absent field would not reach the other phones).
import { parseDateText } from '../../lib/dates';
import { parseMoney } from '../../lib/money';
import type { YouthProject, YouthProjectKind } from '../../protocol/youth-project';
import type { ProjectInput } from './projects-repo';

export interface SourceValues {
  source: string;
  amount: string;
}

export interface ProjectFormValues {
  kind: YouthProjectKind;
  title: string;
  place: string;
  description: string;
  registeredOn: string;
  startsOn: string;
  endsOn: string;
  leaderId: string;
  budget: string;
  sources: SourceValues[];
  volunteerDays: string;
  beneficiaries: string;
}

type Simple = Exclude<keyof ProjectFormValues, 'sources'>;
/** Field errors; a source's as `source.0`, `amount.0`. */
export type ProjectFormErrors = Partial<Record<Simple | `source.${number}` | `amount.${number}`, string>>;

const num = (n: number | undefined) => (n === undefined ? '' : String(n));

export function toProjectForm(p: YouthProject | undefined, registeredOn: string): ProjectFormValues {
  return {
    kind: p?.kind ?? 'project',
    title: p?.title ?? '',
    place: p?.place ?? '',
    description: p?.description ?? '',
    registeredOn: p?.registeredOn ?? registeredOn,
    startsOn: p?.startsOn ?? '',
    endsOn: p?.endsOn ?? '',
    leaderId: p?.leaderId ?? '',
    // with sources the total is derived: the field is not shown
    budget: p?.budgetSources?.length ? '' : num(p?.budget),
    sources: (p?.budgetSources ?? []).map((s) => ({ source: s.source, amount: String(s.amount) })),
    volunteerDays: num(p?.volunteerDays),
    beneficiaries: num(p?.beneficiaries),
  };
}

/** The sum of the sources typed so far (unreadable amounts count 0), for the live total. */
export function sourcesTotal(v: ProjectFormValues): number {
  return v.sources.reduce((s, x) => s + (parseMoney(x.amount) ?? 0), 0);
}

export function fromProjectForm(v: ProjectFormValues): { input: ProjectInput } | { errors: ProjectFormErrors } {
  const errors: ProjectFormErrors = {};
  const date = (k: 'registeredOn' | 'startsOn' | 'endsOn', required = false): string => {
    const raw = v[k].trim();
    if (!raw) {
      if (required) errors[k] = 'err.required';
      return '';
    }
    const iso = parseDateText(raw);
    if (!iso) errors[k] = 'err.date';
    return iso ?? '';
  };
  const count = (k: 'volunteerDays' | 'beneficiaries'): number | undefined => {
    const raw = v[k].replace(/[.,\s]/g, '');
    if (!raw) return undefined;
    if (!/^\d{1,8}$/.test(raw)) errors[k] = 'projects.count';
    return Number(raw);
  };
  const money = (raw: string, key: 'budget' | `amount.${number}`): number | undefined => {
    if (!raw.trim()) return undefined;
    const n = parseMoney(raw);
    if (n === null) errors[key] = 'err.amount';
    return n ?? undefined;
  };

  if (v.title.trim().length < 2) errors.title = 'err.required';
  const registeredOn = date('registeredOn', true);
  const startsOn = date('startsOn');
  const endsOn = date('endsOn');
  if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = 'projects.errEndBeforeStart';

  const sources = v.sources
    .map((s, i) => ({ i, source: s.source.trim(), amount: s.amount }))
    .filter((s) => s.source || s.amount.trim());
  const budgetSources = sources.map(({ i, source, amount }) => {
    if (!source) errors[`source.${i}`] = 'err.required';
    const n = money(amount, `amount.${i}`);
    if (n === undefined && !errors[`amount.${i}`]) errors[`amount.${i}`] = 'err.required';
    return { source, amount: n ?? 0 };
  });
  const input: ProjectInput = {
    kind: v.kind,
    title: v.title.trim(),
    place: v.place.trim(),
    description: v.description.trim(),
    registeredOn,
    startsOn,
    endsOn,
    leaderId: v.leaderId,
    budget: budgetSources.length ? undefined : money(v.budget, 'budget'),
    budgetSources: budgetSources.length ? budgetSources : undefined,
    volunteerDays: count('volunteerDays'),
    beneficiaries: count('beneficiaries'),
  };
  return Object.keys(errors).length ? { errors } : { input };
}
