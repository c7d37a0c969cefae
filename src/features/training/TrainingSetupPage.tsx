// /training/setup?y=yyyy — the year's programme: areas and their items. Rename an area (all
// its items follow), rename / reorder / delete an item, link it to meetings and activities so
// attendance credits it, add the unit's own items.
import { useMemo, useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { useLocation } from 'preact-iso';
import { useLive } from '../../data/live';
import { formatDate } from '../../lib/dates';
import { TextField, SelectField } from '../../ui/fields';
import { YearNav } from '../../ui/YearNav';
import { groupByArea } from '../../protocol/training-rules';
import type { TrainingItem } from '../../protocol/training';
import { listLinkableEvents, listTrainingItems, type LinkableEvent } from './training-queries';
import { errorText, tt, yearTitle, yearSub } from './i18n';
import { useUnitYear } from '../../data/use-unit-year';
import type { YearSpan } from '../../protocol/year';
import '../../ui/year-work.css';

const repo = () => import('./training-repo');
const NEW_AREA = '\u0000new';

export default function TrainingSetupPage() {
  const { query } = useLocation();
  const span = useUnitYear(query.y);
  return span ? <TrainingSetupYearPage span={span} /> : <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
}

function TrainingSetupYearPage({ span }: { span: YearSpan }) {
  const year = span.year;
  const items = useLive(() => listTrainingItems(year), [year]);
  const events = useLive(() => listLinkableEvents(span), [span.from, span.to]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const groups = useMemo(() => groupByArea(items.value ?? []), [items.value]);

  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setError('');
    setNotice('');
    try {
      await fn();
      if (ok) setNotice(ok);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  return (
    <main class="page training-setup">
      <a class="back" href={`/training?y=${year}`}>← {tt('title')}</a>
      <h1>{tt('setupTitle')}</h1>
      <YearNav year={year} href={(n) => `/training/setup?y=${n}`} label={tt('yearNav')} title={yearTitle(span)} sub={yearSub(span)} prev={tt('prevYear')} next={tt('nextYear')} />
      {notice && <p class="ok" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {items.isLoaded && !groups.length && (
        <section class="card">
          <p>{tt('noProgramme', { year })}</p>
          <button class="btn primary" onClick={() => run(async () => (await repo()).createDefaultProgramme(year), tt('created', { n: 10 }))}>{tt('createDefault')}</button>
        </section>
      )}
      {groups.map((g) => (
        <AreaBlock key={g.area} year={year} area={g.area} items={g.items} events={events.value ?? []} run={run} />
      ))}
      {items.isLoaded && <AddItem year={year} areas={groups.map((g) => g.area)} run={run} />}
    </main>
  );
}

type Run = (fn: () => Promise<unknown>, ok?: string) => Promise<boolean>;

function AreaBlock({ year, area, items, events, run }: { year: number; area: string; items: TrainingItem[]; events: LinkableEvent[]; run: Run }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(area);
  return (
    <section>
      <div class="area-title">
        <h2>{area}</h2>
        {!renaming && <button class="btn small-btn" onClick={() => { setName(area); setRenaming(true); }}>{tt('renameArea')}</button>}
      </div>
      {renaming && (
        <form
          class="card"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(async () => (await repo()).renameArea(year, area, name), tt('saved'))) setRenaming(false);
          }}
        >
          <TextField id={`area-${area}`} label={tt('renameAreaLabel')} value={name} onInput={setName} />
          <div class="row">
            <button class="btn primary" type="submit">{tt('save')}</button>
            <button class="btn" type="button" onClick={() => setRenaming(false)}>{tt('cancel')}</button>
          </div>
        </form>
      )}
      <ul class="items">
        {items.map((it, i) => (
          <ItemRow key={it.id} item={it} first={i === 0} last={i === items.length - 1} events={events} run={run} />
        ))}
      </ul>
    </section>
  );
}

function ItemRow({ item, first, last, events, run }: { item: TrainingItem; first: boolean; last: boolean; events: LinkableEvent[]; run: Run }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [linked, setLinked] = useState<string[]>(item.eventIds);
  const open = () => {
    setTitle(item.title);
    setLinked(item.eventIds);
    setEditing(true);
  };
  return (
    <li>
      <div class="head">
        <div class="t">
          <div>{item.title}</div>
          {item.eventIds.length > 0 && <div class="meta credit">{tt('linkedCount', { n: item.eventIds.length })}</div>}
        </div>
      </div>
      {!editing ? (
        <div class="tools">
          <button class="btn" onClick={open}>{tt('edit')}</button>
          <button class="btn" disabled={first} aria-label={`${tt('moveUp')}: ${item.title}`} onClick={() => run(async () => (await repo()).moveTrainingItem(item.id, -1))}>↑ {tt('moveUp')}</button>
          <button class="btn" disabled={last} aria-label={`${tt('moveDown')}: ${item.title}`} onClick={() => run(async () => (await repo()).moveTrainingItem(item.id, 1))}>↓ {tt('moveDown')}</button>
          <button class="btn danger" onClick={() => confirm(tt('deleteConfirm', { title: item.title })) && run(async () => (await repo()).deleteTrainingItem(item.id))}>{tt('delete')}</button>
        </div>
      ) : (
        <form
          style={{ marginTop: '0.5rem' }}
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(async () => (await repo()).updateTrainingItem(item.id, { title, eventIds: linked }), tt('saved'))) setEditing(false);
          }}
        >
          <TextField id={`title-${item.id}`} label={tt('itemTitle')} value={title} onInput={setTitle} />
          <fieldset class="field" style={{ border: 0, padding: 0, margin: '0 0 0.85rem' }}>
            <legend style={{ fontWeight: 600, fontSize: '0.9rem' }}>{tt('linkedEvents')}</legend>
            <span class="hint">{tt('linkedEventsHint')}</span>
            {events.length === 0 && <span class="muted small">{tt('noEventsYear')}</span>}
            {events.map((ev) => (
              <label key={ev.id} class="check-line">
                <input
                  type="checkbox"
                  checked={linked.includes(ev.id)}
                  onChange={(e) => setLinked((l) => ((e.target as HTMLInputElement).checked ? [...l, ev.id] : l.filter((x) => x !== ev.id)))}
                />
                <span>
                  {ev.title} <span class="muted small">· {formatDate(ev.date)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div class="row">
            <button class="btn primary" type="submit">{tt('save')}</button>
            <button class="btn" type="button" onClick={() => setEditing(false)}>{tt('cancel')}</button>
          </div>
        </form>
      )}
    </li>
  );
}

function AddItem({ year, areas, run }: { year: number; areas: string[]; run: Run }) {
  const [area, setArea] = useState<string>(areas[0] ?? NEW_AREA);
  const [newArea, setNewArea] = useState('');
  const [title, setTitle] = useState('');
  const chosen = areas.includes(area) ? area : NEW_AREA;
  return (
    <form
      class="card"
      style={{ marginTop: '1rem' }}
      onSubmit={async (e) => {
        e.preventDefault();
        const a = chosen === NEW_AREA ? newArea : chosen;
        if (await run(async () => (await repo()).addTrainingItem(year, a, title), tt('added'))) {
          setTitle('');
          if (chosen === NEW_AREA) setArea(newArea.trim());
        }
      }}
    >
      <h2 style={{ marginTop: 0 }}>{tt('addItemTitle')}</h2>
      <SelectField id="add-area" label={tt('area')} value={chosen} onChange={setArea} options={[...areas.map((a) => ({ value: a, label: a })), { value: NEW_AREA, label: tt('newArea') }]} />
      {chosen === NEW_AREA && <TextField id="add-new-area" label={tt('newAreaName')} value={newArea} onInput={setNewArea} />}
      <TextField id="add-title" label={tt('itemTitle')} value={title} onInput={setTitle} />
      <button class="btn primary block" type="submit">{tt('addItem')}</button>
    </form>
  );
}

