// The register: search as you type, filters, export, and a virtualised list so 5,000
// members paint as fast as 30 (PERFORMANCE.md B3, B5). A cold start paints the first rows
// from the last visit's snapshot while Dexie and the register load (list-snapshot.ts).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { useDeferredLive } from '../../data/live-deferred';
import { knownUnitId } from '../../data/prefs';
import { VirtualList } from '../../ui/VirtualList';
import { readListSnapshot, writeListSnapshot, type MemberRowData } from './list-snapshot';
import { buildMemberIndex, searchMembers, type IndexedMember } from '../../lib/member-search';
import { compareText } from '../../lib/names';
import { DEFAULT_FILTER, matchesFilter, isDefaultFilter, type MemberFilter } from './member-filters';
import { MemberFiltersPanel } from './MemberFiltersPanel';
import { MemberRow, ROW_HEIGHT } from './MemberRow';
import { isChunkLoadError } from '../../lib/chunk-error';
import { todayIso } from '../../lib/dates';

const queries = () => import('./member-queries');
// (The sort by name needs no collator for names of Vietnamese letters: lib/names.ts viKey.)
const loadListMembers = () => queries().then((m) => m.readMembers);
const loadGetUnit = () => import('../setup/unit-queries').then((m) => m.getUnit);
const loadInUnit = () => queries().then((m) => async () => m.inUnitOn(todayIso()));
// The register's code (Dexie, the reads) starts loading when this screen's code runs, not
// after its first paint; the hooks below then find it loaded.
if (typeof window !== 'undefined') void Promise.all([loadListMembers(), loadGetUnit()]).catch(() => undefined);

export default function MembersPage() {
  const members = useDeferredLive(loadListMembers, ['members'], []);
  const unit = useDeferredLive(loadGetUnit, ['units', 'syncState'], []);
  const inUnit = useDeferredLive(loadInUnit, ['memberEvents'], []);
  const [snapshot] = useState(() => readListSnapshot(knownUnitId()));
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<MemberFilter>(DEFAULT_FILTER);
  const year = new Date().getFullYear();

  const index = useMemo(() => buildMemberIndex(members.value ?? []), [members.value]);
  const defaultView = useMemo(() => index.filter((m) => matchesFilter(m.member, DEFAULT_FILTER, year, inUnit.value)), [index, year, inUnit.value]);
  // The filters apply once per change of filter, not per keystroke: a key only searches the
  // members the filters let through (the same members, in the same order, B5).
  const inFilter = useMemo(
    () => (isDefaultFilter(filter) ? defaultView : index.filter((m) => matchesFilter(m.member, filter, year, inUnit.value))),
    [index, defaultView, filter, year, inUnit.value],
  );
  const filtered = useMemo(() => searchMembers(inFilter, query), [inFilter, query]);
  const total = defaultView.length;
  const isFiltered = !!query.trim() || !isDefaultFilter(filter);
  // Until the register is read: the snapshot's rows, and only for the default view.
  const early = !members.isLoaded && !isFiltered ? snapshot : undefined;
  // The list shows the index's entries as they are: no array of 5,000 made per keystroke.
  const rows: { member: MemberRowData }[] = early ? early.rows.map((member) => ({ member })) : filtered;

  useFirstPaintMarks(!!early || members.isLoaded, members.isLoaded);
  useEffect(() => {
    const unitId = knownUnitId();
    if (members.isLoaded && !members.error && unitId) writeListSnapshot(unitId, total, defaultView.map((m) => m.member));
  }, [defaultView]);

  const subGroups = useMemo(() => {
    if (!members.isLoaded) return [];
    const set = new Set(unit.value?.subGroups ?? []);
    for (const m of members.value ?? []) if (m.subGroup) set.add(m.subGroup);
    return [...set].sort(compareText);
  }, [unit.value, members.value, members.isLoaded]);

  return (
    <main class="page members">
      <div class="row spread">
        <h1>{t('members.title')}</h1>
        <span class="muted small" aria-live="polite">
          {early
            ? t('members.count', { n: early.total })
            : // "n / total" only for a part of who is in the unit: "Tất cả" read 63 / 61
              isFiltered && filter.status === 'participating'
              ? t('members.countFiltered', { n: filtered.length, total })
              : t('members.count', { n: isFiltered ? filtered.length : total })}
        </span>
      </div>
      <nav class="year-links" aria-label={t('members.yearWork')}>
        <a href="/training" aria-label={t('members.trainingProgramme')}>{t('members.trainingLink')} ›</a>
        <a href="/rating" aria-label={t('members.yearRating')}>{t('members.ratingLink')} ›</a>
      </nav>
      <input
        class="search"
        type="search"
        aria-label={t('members.search')}
        placeholder={t('members.searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        autoComplete="off"
        spellcheck={false}
      />
      <MemberFiltersPanel filter={filter} onChange={setFilter} subGroups={subGroups} />
      {members.error ? (
        <p class="error" role="alert">
          {tDynamic('err.unexpected')}
        </p>
      ) : null}
      {members.isLoaded && index.length === 0 ? (
        <EmptyRegister />
      ) : (
        <>
          {members.isLoaded && filtered.length === 0 && <p class="muted">{t('members.noMatch')}</p>}
          <VirtualList items={rows} rowHeight={ROW_HEIGHT} getKey={slotKey} label={t('members.title')} renderRow={(m) => <MemberRow member={m.member} year={year} />} />
          <ExportButtons members={filtered} />
        </>
      )}
      <a class="btn primary fab w" href="/members/new" aria-label={t('members.add')}>
        + {t('members.addShort')}
      </a>
    </main>
  );
}

/**
 * Rows are keyed by their place in the list, not by member: when a keystroke changes who is
 * shown, each row on screen is updated in place (its texts and link) instead of being removed
 * and built again, and a row showing the same member as before is not rendered at all (B5).
 */
const slotKey = (_m: unknown, i: number) => i;

function EmptyRegister() {
  return (
    <div class="card empty">
      <p>{t('members.empty')}</p>
      <p class="muted">{t('members.emptyHint')}</p>
      <div class="row w">
        <a class="btn primary" href="/members/new">
          {t('members.add')}
        </a>
        <a class="btn" href="/import">
          {t('members.importLink')}
        </a>
      </div>
    </div>
  );
}

function ExportButtons({ members }: { members: IndexedMember[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setError('');
    try {
      // The exporter is not precached (vite.config.ts): offline before its first use it is
      // not on the phone.
      const { exportRegister } = await import('./export');
      await exportRegister(members.map((m) => m.member), format);
    } catch (e) {
      setError(isChunkLoadError(e) ? t('common.notDownloaded') : t('members.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export no-print">
      <div class="row">
        <button class="btn" disabled={busy || !members.length} onClick={() => run('xlsx')}>
          {busy ? t('members.exporting') : t('members.exportXlsx')}
        </button>
        <button class="btn" disabled={busy || !members.length} onClick={() => run('csv')}>
          {t('members.exportCsv')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Marks for the cold-start benchmark (B3): first rows painted (maybe the snapshot's), search
 * ready. Each is taken once the frame that shows it has been painted: asked for in the task
 * that put the rows in the DOM (a layout effect), marked in a task after that frame.
 */
function useFirstPaintMarks(hasRows: boolean, isLoaded: boolean) {
  const done = useRef({ painted: false, searchable: false });
  useLayoutEffect(() => {
    const d = done.current;
    const mark = (name: 'painted' | 'searchable') => {
      d[name] = true;
      requestAnimationFrame(() => setTimeout(() => performance.mark(`scd:members-${name}`), 0));
    };
    if (hasRows && !d.painted) mark('painted');
    if (isLoaded && !d.searchable) mark('searchable');
  }, [hasRows, isLoaded]);
}
