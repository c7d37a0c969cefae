// /year/targets/new?y=yyyy and /year/targets/:id/edit — a target's title, how it is followed
// (computed by a rule, or entered by hand), the measure and the goal. A computed target takes
// its rule's measure (target-rules AVAILABLE_RULES and RULE_MEASURE).
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { SelectField, TextField } from '../../ui/fields';
import { ACTIVITY_KINDS } from '../../protocol/meeting-enums';
import { TARGET_MEASURES, type TargetMeasure, type TargetRule } from '../../protocol/target-enums';
import { AVAILABLE_RULES, RULE_MEASURE } from '../../protocol/target-rules';
import { activityKindLabel } from '../meetings';
import { getTarget } from './targets-queries';
import type { TargetInput } from './targets-repo';
import { errorText, ty, tyd } from './i18n';
import { readFigure } from './format';
import './targets.css';

const LEVELS = ['4', '3', '2', '1'] as const;

export default function TargetFormPage() {
  const { params } = useRoute();
  const { query, route } = useLocation();
  const id = params.id as string | undefined;
  const [year, setYear] = useState<number>(Number(query.y) || new Date().getFullYear());
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<'computed' | 'entered'>('computed');
  const [rule, setRule] = useState<TargetRule>('regularMeetingsHeld');
  const [kind, setKind] = useState('');
  const [measure, setMeasure] = useState<TargetMeasure>('count');
  const [goal, setGoal] = useState('');
  const [error, setError] = useState('');
  const [loaded, setLoaded] = useState(!id);

  useEffect(() => {
    if (!id) return;
    void getTarget(id).then((t) => {
      if (t) {
        setYear(t.year);
        setTitle(t.title);
        setSource(t.source);
        if (t.rule) setRule(t.rule);
        setKind(t.ruleParam ?? '');
        setMeasure(t.measure);
        setGoal(String(t.goal));
      }
      setLoaded(true);
    });
  }, [id]);

  const m: TargetMeasure = source === 'computed' ? RULE_MEASURE[rule] : measure;
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    const g = m === 'yesNo' ? 1 : readFigure(goal, m);
    if ((goal.trim() === '' || !Number.isFinite(g)) && m !== 'yesNo') return setError(ty('errGoal'));
    const input: TargetInput = { title, measure: m, goal: g, source, rule: source === 'computed' ? rule : undefined, ruleParam: source === 'computed' && rule === 'activitiesOfKind' ? kind : '' };
    try {
      const repo = await import('./targets-repo');
      const saved = id ? await repo.updateTarget(id, input) : await repo.addTarget(year, input);
      route(`/year/targets/${saved.id}`, true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async () => {
    if (!id || !confirm(ty('confirmDelete'))) return;
    try {
      await (await import('./targets-repo')).deleteTarget(id);
      route(`/year?y=${year}`, true);
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (!loaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  return (
    <main class="page year-plan">
      <a class="back" href={id ? `/year/targets/${id}` : `/year?y=${year}`}>← {ty('back')}</a>
      <h1>{id ? ty('editTitle') : ty('newTitle')}</h1>
      <form class="card" onSubmit={save}>
        <TextField id="t-title" label={ty('fTitle')} value={title} onInput={setTitle} required />
        <SelectField id="t-source" label={ty('fSource')} value={source} onChange={setSource} options={(['computed', 'entered'] as const).map((s) => ({ value: s, label: tyd(`source_${s}`) }))} />
        {source === 'computed' ? (
          <>
            <SelectField id="t-rule" label={ty('fRule')} value={rule} onChange={setRule} options={AVAILABLE_RULES.map((r) => ({ value: r, label: tyd(`rule_${r}`) }))} />
            {rule === 'activitiesOfKind' && (
              <SelectField id="t-kind" label={ty('fKind')} value={kind} onChange={setKind} options={[{ value: '', label: ty('allKinds') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(k) }))]} />
            )}
          </>
        ) : (
          <SelectField id="t-measure" label={ty('fMeasure')} value={measure} onChange={setMeasure} options={TARGET_MEASURES.map((x) => ({ value: x, label: tyd(`measure_${x}`) }))} />
        )}
        {m === 'level' ? (
          <SelectField id="t-goal" label={ty('fGoal')} value={goal} onChange={setGoal} options={[{ value: '', label: '—' }, ...LEVELS.map((l) => ({ value: l, label: tyd(`level_${l}`) }))]} />
        ) : m === 'yesNo' ? null : (
          <TextField id="t-goal" label={`${ty('fGoal')} (${tyd(`measure_${m}`)})`} value={goal} onInput={setGoal} inputMode="numeric" />
        )}
        {error && <p class="error" role="alert">{error}</p>}
        <button class="btn primary block" type="submit">{ty('save')}</button>
      </form>
      {id && <button class="btn danger block" onClick={remove}>{ty('delete')}</button>}
    </main>
  );
}
