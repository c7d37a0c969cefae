// /dues/opening — "everyone paid up to month M" (with a confirmation saying how many members);
// /dues/opening/:id — the same for one member. An opening balance (dues-rules R7) is a ledger
// entry with no money: the months up to M count as paid before the app, the months after it
// are followed as usual; it is not money collected this month nor on the remittance slip. Each
// can be reversed like a payment (a reversal entry with a reason). Desk work: not precached.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useLive } from '../../data/live';
import { formatDate, todayIso } from '../../lib/dates';
import { membersToday, openingView, type OpeningRow } from './desk-reads';
import { recordOpening } from './desk-repo';
import { reverseEntry } from './dues-repo';
import { addPeriods, currentPeriod, formatPeriod } from './format';
import { errorText, td } from './i18n';
import { tq } from './desk-i18n';

export default function OpeningPage() {
  const { params } = useRoute();
  const memberId: string | undefined = params.id;
  const today = todayIso();
  const data = useLive(async () => ({ view: await openingView(memberId), members: await membersToday(today) }), [memberId, today]);
  const [upTo, setUpTo] = useState(addPeriods(currentPeriod(), -1));
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const d = data.value;
  const member = memberId ? d?.members.find((m) => m.id === memberId) : undefined;
  const name = member?.fullName ?? d?.view.entries.find((e) => e.memberId === memberId)?.memberName ?? '';
  const n = memberId ? 1 : (d?.members.length ?? 0);

  const save = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined);
    setError(undefined);
    const month = formatPeriod(upTo);
    if (!memberId && !confirm(tq('openingConfirmAll', { n, month }))) return;
    setBusy(true);
    try {
      const r = await recordOpening({ memberIds: memberId ? [memberId] : undefined, upTo, today });
      setNotice(tq('openingSaved', { n: r.recorded, month }) + (r.skipped ? ` ${tq('openingSkipped', { n: r.skipped })}` : ''));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page dues">
      <a class="back" href={memberId ? `/dues/member/${memberId}` : '/dues'}>‹ {memberId ? name || td('back') : td('back')}</a>
      <h1>{tq('openingTitle')}{memberId && name ? ` — ${name}` : ''}</h1>
      <p class="muted small">{tq('openingExplain')}</p>
      {data.error ? <p class="error" role="alert">{errorText(data.error)}</p> : null}
      <form class="card" onSubmit={save} noValidate>
        {memberId && d && <p>{d.view.openings.get(memberId) ? tq('openingInForce', { month: formatPeriod(d.view.openings.get(memberId)!) }) : tq('openingNone')}</p>}
        <div class="field">
          <label for="opening-month">{tq('openingUpTo')}</label>
          <input id="opening-month" type="month" value={upTo} max={currentPeriod()} required onInput={(e) => setUpTo((e.target as HTMLInputElement).value)} />
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        {notice && <p class="ok" role="status">{notice}</p>}
        <button type="submit" class="btn primary block" disabled={busy || !d || !n || !upTo}>
          {memberId ? tq('openingSaveOne') : tq('openingSaveAll', { n })}
        </button>
      </form>
      {d && d.view.entries.length > 0 && (
        <section class="card">
          <h2>{tq('openingRecorded')}</h2>
          <ul class="dues-simple">
            {d.view.entries.map((e) => <OpeningItem key={e.id} e={e} showName={!memberId} onError={setError} />)}
          </ul>
        </section>
      )}
    </main>
  );
}

function OpeningItem({ e, showName, onError }: { e: OpeningRow; showName: boolean; onError: (s: string) => void }) {
  const [reason, setReason] = useState<string>();
  const undo = async () => {
    try {
      await reverseEntry(e.id, reason ?? '');
      setReason(undefined);
    } catch (err) {
      onError(errorText(err));
    }
  };
  return (
    <li class={e.reversed ? 'muted' : ''}>
      {showName && <strong>{e.memberName} · </strong>}
      {tq('openingLine', { month: formatPeriod(e.period), date: formatDate(e.paidAt) })}
      {e.reversed ? ` · ${td('reversed')}` : reason === undefined ? (
        <button type="button" class="linkish" onClick={() => setReason('')}>{td('reverse')}</button>
      ) : (
        <div class="dues-reverse">
          <label for={`why-${e.id}`}>{td('reverseReason')}</label>
          <input id={`why-${e.id}`} type="text" value={reason} onInput={(ev) => setReason((ev.target as HTMLInputElement).value)} />
          <button type="button" class="btn" disabled={reason.trim().length < 2} onClick={undo}>{td('reverseConfirm')}</button>
        </div>
      )}
    </li>
  );
}
