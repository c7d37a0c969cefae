// /dues/exemptions?member=<id> — exempt a member for up to six months with a reason (R4);
// the list of exemptions, each removable after a confirmation.
import { useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useLive } from '../../data/live';
import { todayIso } from '../../lib/dates';
import { nameTags } from '../../lib/names';
import { exemptionProblem } from '../../protocol/dues-desk-rules';
import { listExemptions, membersToday } from './desk-reads';
import { deleteExemption, saveExemption } from './desk-repo';
import { currentPeriod, formatPeriod } from './format';
import { errorText, td, type DuesKey } from './i18n';
import { tq } from './desk-i18n';

export default function ExemptionsPage() {
  const { query } = useLocation();
  const list = useLive(async () => await listExemptions(), []);
  const members = useLive(async () => await membersToday(todayIso()), []);
  const tags = useMemo(() => nameTags(members.value ?? []), [members.value]);
  const [memberId, setMemberId] = useState(query.member ?? '');
  const [fromPeriod, setFrom] = useState(currentPeriod());
  const [toPeriod, setTo] = useState(currentPeriod());
  const [reason, setReason] = useState('');
  const [decidedAt, setDecidedAt] = useState(todayIso());
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined);
    if (!memberId) return setError(td('err_noMember'));
    const problem = exemptionProblem({ fromPeriod, toPeriod, reason });
    if (problem) return setError(td(problem as DuesKey));
    setBusy(true);
    try {
      await saveExemption({ memberId, fromPeriod, toPeriod, reason: reason.trim(), decidedAt });
      setError(undefined);
      setReason('');
      setNotice(tq('exemptionSaved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    if (!confirm(tq('deleteExemptionConfirm'))) return;
    try {
      await deleteExemption(id);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <main class="page dues">
      <a class="back" href={query.member ? `/dues/member/${query.member}` : '/dues'}>‹ {td('back')}</a>
      <h1>{tq('exemptionsTitle')}</h1>
      <p class="muted small">{tq('exemptionsExplain')}</p>
      <form class="card" onSubmit={save} noValidate>
        <div class="field">
          <label for="ex-member">{tq('member')}</label>
          <select id="ex-member" value={memberId} onChange={(e) => setMemberId((e.target as HTMLSelectElement).value)}>
            <option value="">{tq('pickMember')}</option>
            {(members.value ?? []).map((m) => (
              <option key={m.id} value={m.id}>{m.fullName}{tags.has(m.id) || m.subGroup ? ` (${tags.get(m.id) ?? m.subGroup})` : ''}</option>
            ))}
          </select>
        </div>
        <div class="dues-two">
          <div class="field">
            <label for="ex-from">{tq('fromPeriod')}</label>
            <input id="ex-from" type="month" value={fromPeriod} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="ex-to">{tq('toPeriod')}</label>
            <input id="ex-to" type="month" value={toPeriod} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        <div class="field">
          <label for="ex-reason">{tq('reason')}</label>
          <input id="ex-reason" type="text" value={reason} autoComplete="off" onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="ex-date">{tq('decidedAt')}</label>
          <input id="ex-date" type="date" value={decidedAt} onInput={(e) => setDecidedAt((e.target as HTMLInputElement).value)} />
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        {notice && <p class="ok" role="status">{notice}</p>}
        <button type="submit" class="btn primary block" disabled={busy}>{tq('saveExemption')}</button>
      </form>
      {list.error ? <p class="error" role="alert">{errorText(list.error)}</p> : null}
      {list.isLoaded && (list.value ?? []).length === 0 ? (
        <p class="muted">{tq('noExemptions')}</p>
      ) : (
        <ul class="dues-simple card">
          {(list.value ?? []).map((x) => (
            <li key={x.id} class="row spread">
              <span>
                <a href={`/dues/member/${x.memberId}`}><strong>{x.memberName}</strong></a>
                <br />
                <span class="small">{td('exemptRange', { from: formatPeriod(x.fromPeriod), to: formatPeriod(x.toPeriod) })} — {x.reason}</span>
              </span>
              <button type="button" class="btn" onClick={() => remove(x.id)}>{tq('deleteExemption')}</button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
