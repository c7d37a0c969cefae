// /members/:id/events: a member's history with a "Xóa" beside each event, to take out one
// recorded by mistake (found in use: a transfer entered on the wrong member took her out of
// the list, and no edit of her status brought her back, since the head count follows the
// events). Rare desk work: not precached (vite.config.ts NOT_PRECACHED).
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { registerMessages, t, tDynamic, type MessageKey } from '../../i18n';
import vi from '../../i18n/vi/member-events.json';
import { useLive } from '../../data/live';
import { formatDate } from '../../lib/dates';
import { getMember, listMemberEvents } from './member-queries';
import type { MemberEvent } from '../../protocol/member-event';

// This screen's Vietnamese comes with it, under "members." (its English is in en/members.json).
registerMessages('members', vi);
const te = (key: keyof typeof vi, params?: Record<string, string>) => tDynamic(`members.${key}`, params);

export default function MemberEventsPage() {
  const { params } = useRoute();
  const member = useLive(() => getMember(params.id), [params.id]);
  const events = useLive(() => listMemberEvents(params.id), [params.id]);
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  const remove = async (e: MemberEvent) => {
    const kind = t(`members.event_${e.kind}` as MessageKey);
    if (!confirm(te('eventRemoveConfirm', { kind, date: formatDate(e.date) }))) return;
    setNotice(undefined);
    try {
      await (await import('./member-event-repo')).removeMemberEvent(e.id);
      setNotice({ ok: true, text: te('eventRemoved', { kind }) });
    } catch {
      setNotice({ ok: false, text: tDynamic('err.unexpected') });
    }
  };

  if (!member.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  const m = member.value;
  if (!m) return <main class="page"><p>{t('members.notFound')}</p><a class="btn" href="/members">{t('common.back')}</a></main>;
  return (
    <main class="page member-detail">
      <a class="back" href={`/members/${m.id}`}>
        ← {m.fullName}
      </a>
      <h1>{t('members.eventRemoveOpen').replace(/…$/, '')}</h1>
      <p class="muted">{te('eventRemoveIntro')}</p>
      {notice && (
        <p class={notice.ok ? 'ok' : 'error'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {events.isLoaded && !events.value?.length && <p class="muted">{t('members.noHistory')}</p>}
      <ol class="timeline">
        {events.value?.map((e) => (
          <li key={e.id} class="row spread">
            <div>
              <strong>{t(`members.event_${e.kind}` as MessageKey)}</strong>
              <div class="muted small">
                {formatDate(e.date)}
                {e.decisionNumber && ` · ${t('members.decisionNumber')} ${e.decisionNumber}`}
              </div>
            </div>
            <button class="btn danger" onClick={() => void remove(e)} aria-label={te('eventRemoveLabel', { kind: t(`members.event_${e.kind}` as MessageKey), date: formatDate(e.date) })}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ol>
    </main>
  );
}
