// /training/item/:itemId — one item for everyone who chose it: tick who did it (after a
// class, a volunteering day…), set the date and evidence once, save once (one transaction).
import { useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { fold, foldWords } from '../../lib/fold';
import { nameTags, taggedName } from '../../lib/names';
import { TextField } from '../../ui/fields';
import { VirtualList } from '../../ui/VirtualList';
import { loadItemRoll } from './training-queries';
import { errorText, tt, yearTitle } from './i18n';
import '../../ui/year-work.css';

export default function TrainingItemPage() {
  const { params } = useRoute();
  const data = useLive(() => loadItemRoll(params.itemId), [params.itemId]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [date, setDate] = useState(formatDate(todayIso()));
  const [evidence, setEvidence] = useState('');
  const [q, setQ] = useState('');
  const [dateError, setDateError] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const roll = data.value;
  const tags = useMemo(() => nameTags(roll?.members ?? []), [roll]);
  const folded = useMemo(() => (roll?.members ?? []).map((m) => ({ m, f: fold(m.fullName) })), [roll]);
  const listed = useMemo(() => {
    const words = foldWords(q);
    return folded.filter((x) => words.every((w) => x.f.includes(w))).map((x) => x.m);
  }, [folded, q]);

  if (!data.isLoaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  if (!roll) return <main class="page"><p>{tt('itemNotFound')}</p><a class="btn" href="/training">{tt('title')}</a></main>;
  const year = roll.item.year;
  const notDone = roll.members.filter((m) => !roll.progress.get(m.id)?.done);

  const save = async () => {
    const iso = parseDateText(date);
    if (!iso) return setDateError(tDynamic('err.date'));
    setDateError('');
    setBusy(true);
    setError('');
    try {
      const { setProgressMany } = await import('./training-repo');
      const n = await setProgressMany(year, roll.item.id, [...picked], { done: true, doneAt: iso, evidence });
      setNotice(tt('markedDone', { n }));
      setPicked(new Set());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page training-item">
      <a class="back" href={`/training?y=${year}`}>← {tt('title')}</a>
      <h1>{roll.item.title}</h1>
      <p class="muted small">{roll.item.area} · {yearTitle(roll.span)}</p>
      <p class="muted small">{tt('itemRollHint')}</p>
      {notice && <p class="ok" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {roll.members.length === 0 ? (
        <p class="muted">{tt('nobodyChose')}</p>
      ) : (
        <>
          <div class="card">
            <TextField id="item-date" label={tt('doneAt')} value={date} onInput={setDate} inputMode="numeric" error={dateError} />
            <TextField id="item-evidence" label={tt('evidence')} hint={tt('evidenceHint')} value={evidence} onInput={setEvidence} />
            <button class="btn small-btn" type="button" onClick={() => setPicked(new Set(notDone.map((m) => m.id)))}>{tt('pickNotDone')} ({notDone.length})</button>
          </div>
          <input class="search" type="search" aria-label={tt('search')} placeholder={tt('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" />
          <VirtualList
            items={listed}
            rowHeight={56}
            getKey={(m) => m.id}
            label={tt('itemRollTitle')}
            renderRow={(m) => {
              const p = roll.progress.get(m.id);
              const state = p?.done ? tt('stateDone', { date: formatDate(p.doneAt) }) : roll.credited.has(m.id) ? tt('stateCredited') : '';
              return (
                <label class="yrow">
                  <input
                    type="checkbox"
                    checked={picked.has(m.id) || !!p?.done}
                    disabled={!!p?.done}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      setPicked((s) => {
                        const next = new Set(s);
                        if (on) next.add(m.id);
                        else next.delete(m.id);
                        return next;
                      });
                    }}
                  />
                  <span class="txt">
                    <span class="name">{taggedName(m, tags)}</span>
                    {state && <span class="sub">{state}</span>}
                  </span>
                </label>
              );
            }}
          />
          <div class="sticky-bottom">
            <button class="btn primary block" disabled={busy || picked.size === 0} onClick={save}>{tt('markDoneN', { n: picked.size })}</button>
          </div>
        </>
      )}
    </main>
  );
}
