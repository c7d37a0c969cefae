// /committee/seat — place a member in a seat (?term=…&position=…: after the congress, or a
// by-election for an empty seat) or, with ?id=…, correct a seat, end it (last day + reason:
// the seat becomes empty) or delete one entered by mistake.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { parseDateText, todayIso } from '../../lib/dates';
import { nameTags, sortByName, taggedName } from '../../lib/names';
import { SelectField, TextField } from '../../ui/fields';
import { COMMITTEE_POSITIONS, type CommitteePosition } from '../../protocol/committee-enums';
import type { CommitteeTerm } from '../../protocol/committee';
import type { Member } from '../../protocol/member';
import type { UnitKind } from '../../protocol/unit';
import { getSeat, seatCandidates, seatFormContext, type NamedSeat } from './committee-queries';
import { SeatEndCard } from './SeatEndCard';
import { errorText, positionLabel, tc } from './i18n';
import '../../ui/year-work.css';
import './committee.css';

const FORM_ID = 'committee-seat';

const isPosition = (p: string | undefined): p is CommitteePosition => (COMMITTEE_POSITIONS as readonly string[]).includes(p ?? '');

export default function SeatFormPage() {
  const { query } = useLocation();
  const today = todayIso();
  const [ctx, setCtx] = useState<{ unitKind: UnitKind; term?: CommitteeTerm; seat?: NamedSeat } | undefined>();
  // A read that fails says so (found in use: nothing caught it, the page stayed on "Đang tải…").
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    setFailed(false);
    (async () => {
      const seat = query.id ? await getSeat(query.id) : undefined;
      return { ...(await seatFormContext(today, seat?.seat.termId ?? query.term)), seat };
    })().then(
      (c) => alive && setCtx(c),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [query.id, query.term]);

  if (failed) return <main class="page"><p class="error" role="alert">{tDynamic('err.unexpected')}</p></main>;
  if (!ctx) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  if ((query.id && !ctx.seat) || !ctx.term) {
    // no such seat, or no term yet to seat anyone in: say so under the screen's heading
    return (
      <main class="page committee">
        <h1>{query.id ? tc('seatEditTitle') : tc('seatNewTitle')}</h1>
        <p>{query.id ? tc('errNoSeat') : tc('errNoTerm')}</p>
        <a class="btn" href="/committee">{tc('title')}</a>
      </main>
    );
  }
  return (
    <main class="page committee">
      <a class="back" href="/committee">← {tc('title')}</a>
      <h1>{ctx.seat ? tc('seatEditTitle') : tc('seatNewTitle')}</h1>
      <p class="muted">{tc('termTitle', { label: ctx.term.label })}</p>
      <SeatForm key={ctx.seat?.seat.updatedAt ?? 'new'} term={ctx.term} unitKind={ctx.unitKind} seat={ctx.seat} position={isPosition(query.position) ? query.position : 'committeeMember'} />
      {ctx.seat && <SeatEndCard seat={ctx.seat} />}
    </main>
  );
}

function SeatForm(p: { term: CommitteeTerm; unitKind: UnitKind; seat?: NamedSeat; position: CommitteePosition }) {
  const { route } = useLocation();
  const s = p.seat?.seat;
  const [memberId, setMemberId] = useState(s?.memberId ?? '');
  const [position, setPosition] = useState<CommitteePosition>(s?.position ?? p.position);
  const [isStanding, setStanding] = useState(!!s?.standing);
  const [from, setFrom] = useState(s?.from ?? (todayIso() < p.term.startsOn ? p.term.startsOn : todayIso()));
  const [members, setMembers] = useState<Member[]>([]);
  const [memberError, setMemberError] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  // a seat being filled in holds the page (reload, a tap on a link); let go when the form closes
  useEffect(() => () => markDirty(FORM_ID, false), []);
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    markDirty(FORM_ID, true);
  };

  // who can be elected: the members in the unit on the seat's first day
  const fromIso = parseDateText(from);
  // Only the answer for the date typed last is kept: typing a date a key at a time asks for
  // several days, and an earlier day's answer could come last.
  useEffect(() => {
    if (p.seat || !fromIso) return;
    let alive = true;
    seatCandidates(fromIso).then(
      (list) => alive && setMembers(list),
      () => alive && setMemberError(tDynamic('err.unexpected')),
    );
    return () => {
      alive = false;
    };
  }, [fromIso, p.seat]);
  const options = useMemo(() => {
    const tags = nameTags(members);
    return [{ value: '', label: tc('pickMember') }, ...sortByName(members, (m) => m.fullName).map((m) => ({ value: m.id, label: taggedName(m, tags) }))];
  }, [members]);

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setMemberError('');
    if (!fromIso) return setError(tDynamic('err.date'));
    if (!memberId) return setMemberError(tc('pickMemberError'));
    setBusy(true);
    try {
      const repo = await import('./committee-repo');
      const standing = p.unitKind === 'baseUnion' && isStanding;
      if (s) await repo.updateSeat(s.id, { position, standing, from: fromIso });
      else await repo.assignSeat({ termId: p.term.id, memberId, position, standing, from: fromIso });
      markDirty(FORM_ID, false);
      route('/committee');
    } catch (x) {
      setError(errorText(x));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={save} novalidate>
      {p.seat ? (
        <p><strong>{p.seat.name}</strong></p>
      ) : (
        <SelectField id="st-member" label={tc('member')} value={memberId} onChange={edit(setMemberId)} options={options} error={memberError} />
      )}
      <SelectField<CommitteePosition>
        id="st-position"
        label={tc('position')}
        value={position}
        onChange={edit(setPosition)}
        options={COMMITTEE_POSITIONS.map((x) => ({ value: x, label: positionLabel(x) }))}
      />
      {p.unitKind === 'baseUnion' && (
        <label class="check-line">
          <input type="checkbox" checked={isStanding} onChange={(e) => edit(setStanding)((e.target as HTMLInputElement).checked)} />
          {tc('standing')}
        </label>
      )}
      <TextField id="st-from" type="date" label={tc('from')} hint={tc('fromHint')} value={from} onInput={edit(setFrom)} required />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <a class="btn" href="/committee">{tDynamic('common.cancel')}</a>
        <button type="submit" class="btn primary" disabled={isBusy}>{tDynamic('common.save')}</button>
      </div>
    </form>
  );
}
