// One member's record and history (Quá trình), with lifecycle events and archiving.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t, type MessageKey } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, isActiveOver30, todayIso, yearsBetween } from '../../lib/dates';
import { getMember, listMemberEvents } from './member-queries';
import { MemberEventForm } from './MemberEventForm';
import type { Member } from '../../protocol/member';
import type { MemberEvent } from '../../protocol/member-event';

export default function MemberDetailPage() {
  const { params } = useRoute();
  const member = useLive(() => getMember(params.id), [params.id]);
  const events = useLive(() => listMemberEvents(params.id), [params.id]);
  const [isAddingEvent, setAddingEvent] = useState(false);
  const [notice, setNotice] = useState('');

  if (!member.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  const m = member.value;
  if (!m) return <main class="page"><p>{t('members.notFound')}</p><a class="btn" href="/members">{t('common.back')}</a></main>;

  const toggleArchive = async () => {
    const repo = await import('./members-repo');
    if (m.archivedAt) await repo.unarchiveMember(m.id);
    else if (confirm(t('members.archiveConfirm'))) {
      await repo.archiveMember(m.id);
      setNotice(t('members.archivedDone'));
    }
  };

  return (
    <main class="page member-detail">
      <a class="back" href="/members">← {t('members.title')}</a>
      <h1>{m.fullName}</h1>
      <p class="muted">
        {[t(`members.position_${m.position}` as MessageKey), t(`members.status_${m.status}` as MessageKey), m.subGroup].filter(Boolean).join(' · ')}
        {m.archivedAt && <span class="badge">{t('members.archivedBadge')}</span>}
        {isActiveOver30(m) && <span class="badge">{t('members.filterOver30')}</span>}
      </p>
      <div class="row">
        <a class="btn primary w" href={`/members/${m.id}/edit`}>{t('common.edit')}</a>
        {m.phone && <a class="btn" href={`tel:${m.phone}`}>{t('members.call')}</a>}
        <a class="btn" href={`/dues/member/${m.id}`}>{t('members.duesLink')}</a>
        <button class="btn w" onClick={toggleArchive}>{m.archivedAt ? t('members.unarchive') : t('members.archive')}</button>
      </div>
      {notice && <p class="ok" role="status">{notice}</p>}
      <div class="row year-links">
        <a class="btn" href={`/training/${m.id}`}>{t('members.trainingLink')}</a>
        <a class="btn w" href={`/rating/${m.id}`}>{t('members.ratingLink')}</a>
      </div>
      <section class="card">
        <h2>{t('members.profile')}</h2>
        <ProfileFacts m={m} />
      </section>
      <section class="card">
        <div class="row spread">
          <h2>{t('members.history')}</h2>
          {!isAddingEvent && <button class="btn w" onClick={() => setAddingEvent(true)}>{t('members.addEvent')}</button>}
        </div>
        {isAddingEvent && (
          <MemberEventForm
            memberId={m.id}
            onDone={(saved) => {
              setAddingEvent(false);
              if (saved) setNotice(t('members.eventSaved'));
            }}
          />
        )}
        <EventList events={events.value ?? []} />
        {/* an event recorded by mistake is taken out on a screen of its own (rare: not precached) */}
        {!!events.value?.length && (
          <a class="btn" href={`/members/${m.id}/events`}>
            {t('members.eventRemoveOpen')}
          </a>
        )}
      </section>
    </main>
  );
}

function ProfileFacts({ m }: { m: Member }) {
  const rows: [MessageKey, string | undefined][] = [
    ['members.dateOfBirth', m.dateOfBirth && `${formatDate(m.dateOfBirth)} (${t('members.age', { n: yearsBetween(m.dateOfBirth, todayIso()) })})`],
    ['members.gender', m.gender && t(`members.gender_${m.gender}` as MessageKey)],
    ['members.phone', m.phone],
    ['members.email', m.email],
    ['members.citizenId', m.citizenId],
    ['members.cardNumber', m.cardNumber],
    ['members.admissionDate', formatDate(m.admissionDate)],
    ['members.admissionPlace', m.admissionPlace],
    ['members.duesCategory', t(`members.dues_${m.duesCategory}` as MessageKey)],
    ['members.partyStatus', t(`members.party_${m.partyStatus}` as MessageKey)],
    ['members.partyAdmissionDate', formatDate(m.partyAdmissionDate)],
    ['members.partyOfficialDate', formatDate(m.partyOfficialDate)],
    ['members.ethnicity', m.ethnicity],
    ['members.religion', m.religion],
    ['members.hometown', m.hometown],
    ['members.currentAddress', m.currentAddress],
    ['members.occupation', m.occupation],
    ['members.educationLevel', m.educationLevel],
    ['members.professionalQualification', m.professionalQualification],
    ['members.politicalTheoryLevel', m.politicalTheoryLevel],
    ['members.notes', m.notes],
  ];
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

function EventList({ events }: { events: MemberEvent[] }) {
  if (!events.length) return <p class="muted">{t('members.noHistory')}</p>;
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>{t(`members.event_${e.kind}` as MessageKey)}</strong>
          {e.disciplineLevel && ` — ${t(`members.discipline_${e.disciplineLevel}` as MessageKey)}`}
          <div class="muted small">
            {formatDate(e.date)}
            {e.decisionNumber && ` · ${t('members.decisionNumber')} ${e.decisionNumber}`}
          </div>
          {e.note && <div class="small">{e.note}</div>}
        </li>
      ))}
    </ol>
  );
}
