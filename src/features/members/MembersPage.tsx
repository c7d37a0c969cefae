// The register: search as you type, filters, export, and a virtualised list so 5,000
// members paint as fast as 30 (PERFORMANCE.md B3, B5).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { VirtualList } from '../../ui/VirtualList';
import { listMembers } from './member-queries';
import { getUnit } from '../setup/unit-queries';
import { buildMemberIndex, searchMembers } from './member-search';
import { DEFAULT_FILTER, matchesFilter, isDefaultFilter, type MemberFilter } from './member-filters';
import { MemberFiltersPanel } from './MemberFiltersPanel';
import { MemberRow, ROW_HEIGHT } from './MemberRow';
import type { Member } from '../../protocol/member';
import { isChunkLoadError } from '../../lib/chunk-error';

export default function MembersPage() {
  const members = useLive(listMembers, []);
  const unit = useLive(getUnit, []);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<MemberFilter>(DEFAULT_FILTER);
  const year = new Date().getFullYear();

  const index = useMemo(() => buildMemberIndex(members.value ?? []), [members.value]);
  const filtered = useMemo(
    () => searchMembers(index, query).filter((m) => matchesFilter(m.member, filter, year)),
    [index, query, filter, year],
  );
  useFirstPaintMarks(members.isLoaded);

  const subGroups = useMemo(() => {
    const set = new Set(unit.value?.subGroups ?? []);
    for (const m of members.value ?? []) if (m.subGroup) set.add(m.subGroup);
    return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
  }, [unit.value, members.value]);

  const total = index.filter((m) => matchesFilter(m.member, DEFAULT_FILTER, year)).length;
  const isFiltered = !!query.trim() || !isDefaultFilter(filter);

  return (
    <main class="page members">
      <div class="row spread">
        <h1>{t('members.title')}</h1>
        <span class="muted small" aria-live="polite">
          {isFiltered ? t('members.countFiltered', { n: filtered.length, total }) : t('members.count', { n: total })}
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
          <VirtualList
            items={filtered}
            rowHeight={ROW_HEIGHT}
            getKey={(m) => m.member.id}
            label={t('members.title')}
            renderRow={(m) => <MemberRow member={m.member} year={year} />}
          />
          <ExportButtons members={filtered.map((m) => m.member)} />
        </>
      )}
      <a class="btn primary fab" href="/members/new" aria-label={t('members.add')}>
        + {t('members.addShort')}
      </a>
    </main>
  );
}

function EmptyRegister() {
  return (
    <div class="card empty">
      <p>{t('members.empty')}</p>
      <p class="muted">{t('members.emptyHint')}</p>
      <div class="row">
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

function ExportButtons({ members }: { members: Member[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setError('');
    try {
      // The exporter is not precached (vite.config.ts): offline before its first use it is
      // not on the phone.
      const { exportRegister } = await import('./export');
      await exportRegister(members, format);
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

/** Marks for the cold-start benchmark (B3): first rows painted, search ready. */
function useFirstPaintMarks(isLoaded: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!isLoaded || done.current) return;
    done.current = true;
    requestAnimationFrame(() => {
      performance.mark('scd:members-painted');
      performance.mark('scd:members-searchable');
    });
  }, [isLoaded]);
}
