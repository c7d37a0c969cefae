// /committee/term — record the term a congress elected (no ?id) or correct one (?id=…): its
// name, congress date, planned end (empty = the term length setting), the committee size and
// number of deputies decided, and for a Đoàn cơ sở the Ban Thường vụ size.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { TextAreaField, TextField } from '../../ui/fields';
import { nextCongressDue } from '../../protocol/committee-rules';
import type { UnitKind } from '../../protocol/unit';
import { getTerm, termFormContext } from './committee-queries';
import { errorText, tc } from './i18n';

interface Values {
  label: string;
  startsOn: string;
  endsOn: string;
  size: string;
  deputies: string;
  standingSize: string;
  note: string;
}

const FORM_ID = 'committee-term';

const EMPTY: Values = { label: '', startsOn: todayIso(), endsOn: '', size: '5', deputies: '1', standingSize: '', note: '' };

export default function TermFormPage() {
  const { query, route } = useLocation();
  const id = query.id || undefined;
  const [ctx, setCtx] = useState<{ unitKind: UnitKind; termMonths: number } | undefined>();
  const [values, setValues] = useState<Values | undefined>(id ? undefined : EMPTY);
  const [isMissing, setMissing] = useState(false);
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    void termFormContext().then(setCtx);
    if (!id) return;
    void getTerm(id).then((t) => {
      if (!t) return setMissing(true);
      setValues({
        label: t.label, startsOn: t.startsOn, endsOn: t.endsOn ?? '', size: String(t.size), deputies: String(t.deputies ?? 1),
        standingSize: t.standingSize === undefined ? '' : String(t.standingSize), note: t.note ?? '',
      });
    });
  }, [id]);
  // a half-filled term holds the page (reload, a tap on a link); let go when the form closes
  useEffect(() => () => markDirty(FORM_ID, false), []);

  if (isMissing) return <main class="page committee"><h1>{tc('editTerm')}</h1><p>{tc('errNoTerm')}</p><a class="btn" href="/committee">{tc('title')}</a></main>;
  if (!values || !ctx) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  const set = (k: keyof Values) => (v: string) => {
    setValues((s) => ({ ...s!, [k]: v }));
    markDirty(FORM_ID, true);
  };
  const start = parseDateText(values.startsOn);
  const defaultEnd = start ? formatDate(nextCongressDue({ startsOn: start }, ctx.termMonths)) : '';

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    const startsOn = parseDateText(values.startsOn);
    const endsOn = values.endsOn.trim() ? parseDateText(values.endsOn) : '';
    if (!startsOn || endsOn === null) return setError(tDynamic('err.date'));
    const nums = [values.size, values.deputies, values.standingSize || '0'].map((x) => Number(x.trim()));
    if (nums.some((n) => !Number.isInteger(n)) || !values.size.trim()) return setError(tc('numberError'));
    const [size, deputies, standingSize] = nums;
    setBusy(true);
    try {
      const { saveTerm } = await import('./committee-repo');
      await saveTerm({ label: values.label, startsOn, endsOn: endsOn || undefined, size, deputies, standingSize: values.standingSize.trim() ? standingSize : undefined, note: values.note }, id);
      markDirty(FORM_ID, false);
      route('/committee');
    } catch (x) {
      setError(errorText(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page committee">
      <a class="back" href="/committee">← {tc('title')}</a>
      <h1>{id ? tc('editTerm') : tc('newTermTitle')}</h1>
      <form class="card" onSubmit={save} novalidate>
        <TextField id="tm-label" label={tc('label')} hint={tc('labelHint')} value={values.label} onInput={set('label')} required />
        <TextField id="tm-start" type="date" label={tc('startsOn')} value={values.startsOn} onInput={set('startsOn')} required />
        <TextField id="tm-end" type="date" label={tc('endsOn')} hint={defaultEnd ? tc('endsOnHint', { months: ctx.termMonths, date: defaultEnd }) : undefined} value={values.endsOn} onInput={set('endsOn')} />
        <TextField id="tm-size" label={tc('size')} inputMode="numeric" value={values.size} onInput={set('size')} required />
        <TextField id="tm-deputies" label={tc('deputies')} inputMode="numeric" value={values.deputies} onInput={set('deputies')} />
        {ctx.unitKind === 'baseUnion' && <TextField id="tm-standing" label={tc('standingSize')} inputMode="numeric" value={values.standingSize} onInput={set('standingSize')} />}
        <TextAreaField id="tm-note" label={tc('note')} value={values.note} onInput={set('note')} />
        {error && <p class="error" role="alert">{error}</p>}
        <div class="form-actions">
          <a class="btn" href="/committee">{tDynamic('common.cancel')}</a>
          <button type="submit" class="btn primary" disabled={isBusy}>{tDynamic('common.save')}</button>
        </div>
      </form>
    </main>
  );
}
