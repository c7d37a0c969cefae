// /training/register?y=yyyy — register many members at once: everyone not registered, one
// sub-group, or people picked from the list; with the items they commit to (all by default).
// One transaction for the whole batch.
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { fold, foldWords } from '../../lib/fold';
import { nameTags, taggedName } from '../../lib/names';
import { SelectField } from '../../ui/fields';
import { VirtualList } from '../../ui/VirtualList';
import { groupByArea } from '../../protocol/training-rules';
import { loadTrainingYear } from './training-queries';
import { errorText, tt, yearTitle } from './i18n';
import { useUnitYear } from '../../data/use-unit-year';
import type { YearSpan } from '../../protocol/year';
import '../../ui/year-work.css';

type Who = 'all' | 'group' | 'picked';

export default function TrainingRegisterPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <TrainingRegisterYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function TrainingRegisterYearPage({ span }: { span: YearSpan }) {
  const year = span.year;
  const data = useLive(() => loadTrainingYear(span), [span.from, span.to]);
  const [who, setWho] = useState<Who>('all');
  const [group, setGroup] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const y = data.value;
  const waiting = useMemo(() => (y ? y.roster.filter((m) => !y.registrations.has(m.id)) : []), [y]);
  const groups = useMemo(() => [...new Set(waiting.map((m) => m.subGroup).filter((g): g is string => !!g))].sort((a, b) => a.localeCompare(b, 'vi')), [waiting]);
  const tags = useMemo(() => nameTags(waiting), [waiting]);
  const folded = useMemo(() => waiting.map((m) => ({ m, f: fold(m.fullName) })), [waiting]);
  const listed = useMemo(() => {
    const words = foldWords(q);
    return folded.filter((x) => words.every((w) => x.f.includes(w))).map((x) => x.m);
  }, [folded, q]);
  const chosenGroup = group || groups[0] || '';
  const targets = who === 'all' ? waiting : who === 'group' ? waiting.filter((m) => m.subGroup === chosenGroup) : waiting.filter((m) => picked.has(m.id));
  const itemIds = (y?.items ?? []).map((i) => i.id).filter((id) => !unticked.has(id));

  const submit = async () => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const { registerMembers } = await import('./training-repo');
      const n = await registerMembers(year, targets.map((m) => m.id), itemIds);
      setNotice(tt('registeredDone', { n }));
      setPicked(new Set());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  return (
    <main class="page training-register">
      <a class="back" href={`/training?y=${year}`}>← {tt('title')}</a>
      <h1>{tt('registerTitle')}</h1>
      <p class="muted">{yearTitle(span)}</p>
      {notice && <p class="ok" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {!y ? (
        <p class="muted">{tDynamic('common.loading')}</p>
      ) : !y.items.length ? (
        <p>{tt('errNoProgramme')} <a href={`/training?y=${year}`}>{tt('title')}</a></p>
      ) : (
        <>
          <fieldset class="card" style={{ margin: '0 0 0.75rem' }}>
            <legend class="sr-only">{tt('who')}</legend>
            <h2 style={{ marginTop: 0 }}>{tt('who')}</h2>
            <label class="check-line"><input type="radio" name="who" checked={who === 'all'} onChange={() => setWho('all')} />{tt('whoAll', { n: waiting.length })}</label>
            {groups.length > 0 && <label class="check-line"><input type="radio" name="who" checked={who === 'group'} onChange={() => setWho('group')} />{tt('whoGroup')}</label>}
            {who === 'group' && <SelectField id="reg-group" label={tt('group')} value={chosenGroup} onChange={setGroup} options={groups.map((g) => ({ value: g, label: `${g} (${waiting.filter((m) => m.subGroup === g).length})` }))} />}
            <label class="check-line"><input type="radio" name="who" checked={who === 'picked'} onChange={() => setWho('picked')} />{tt('whoPicked')}</label>
          </fieldset>
          {who === 'picked' && (
            <section>
              <input class="search" type="search" aria-label={tt('search')} placeholder={tt('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" />
              <p class="muted small">{tt('pickedCount', { n: picked.size })}</p>
              <VirtualList
                items={listed}
                rowHeight={52}
                getKey={(m) => m.id}
                label={tt('whoPicked')}
                renderRow={(m) => (
                  <label class="yrow">
                    <input type="checkbox" checked={picked.has(m.id)} onChange={(e) => setPicked((s) => toggle(s, m.id, (e.target as HTMLInputElement).checked))} />
                    <span class="txt"><span class="name">{taggedName(m, tags)}</span>{m.subGroup && <span class="sub">{m.subGroup}</span>}</span>
                  </label>
                )}
              />
            </section>
          )}
          <details class="card group">
            <summary>{tt('itemsChosen')} ({itemIds.length}/{y.items.length})</summary>
            <p class="muted small">{tt('itemsChosenHint')}</p>
            <div class="row">
              <button type="button" class="btn small-btn" onClick={() => setUnticked(new Set())}>{tt('selectAll')}</button>
              <button type="button" class="btn small-btn" onClick={() => setUnticked(new Set(y.items.map((i) => i.id)))}>{tt('selectNone')}</button>
            </div>
            {groupByArea(y.items).map((g) => (
              <div key={g.area}>
                <h3 class="small" style={{ margin: '0.75rem 0 0.25rem' }}>{g.area}</h3>
                {g.items.map((it) => (
                  <label key={it.id} class="check-line">
                    <input type="checkbox" checked={!unticked.has(it.id)} onChange={(e) => setUnticked((s) => toggle(s, it.id, !(e.target as HTMLInputElement).checked))} />
                    <span>{it.title}</span>
                  </label>
                ))}
              </div>
            ))}
          </details>
          <div class="sticky-bottom">
            {targets.length === 0 ? (
              <p class="muted">{tt('nobodyToRegister')}</p>
            ) : (
              <button class="btn primary block" disabled={busy || !itemIds.length} onClick={submit}>{tt('registerN', { n: targets.length })}</button>
            )}
          </div>
        </>
      )}
    </main>
  );
}
