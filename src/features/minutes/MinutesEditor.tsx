// The minutes editor, in the order of the document (DOMAIN.md layout): what comes from the
// unit, the meeting and the roll is shown read-only; what happened at the meeting is typed
// and saved as it is typed (use-autosave.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { TextAreaField, TextField } from '../../ui/fields';
import { UserError } from '../../lib/user-error';
import { timeLine } from '../../protocol/minutes-text';
import { saveMinutesDraft } from './minutes-repo';
import type { MinutesContext } from './minutes-context';
import { buildMinutesDoc, paragraphs } from './minutes-document';
import { formErrors, rekey, toDraftPatch, toForm, type MinutesForm, type TextSection } from './minutes-form';
import { readRescue } from './draft-rescue';
import { useAutosave, type SaveState } from './use-autosave';
import { AttendanceBlock } from './AttendanceBlock';
import { VotesEditor } from './VotesEditor';
import { TasksEditor } from './TasksEditor';
import { FinalizePanel } from './FinalizePanel';

export const MINUTES_FORM_ID = 'minutes-form';
export const rescueKeyOf = (meetingId: string) => `scd:minutes-draft:${meetingId}`;

/** What the editor opens with: the saved draft, or the local copy if it is newer (a reload or crash came before the save). */
function initialForm(ctx: MinutesContext): { form: MinutesForm; isRescued: boolean } {
  const rescued = readRescue<MinutesForm>(rescueKeyOf(ctx.meeting.id));
  if (rescued?.value && rescued.at > (ctx.minutes?.updatedAt ?? '')) return { form: rekey(rescued.value), isRescued: true };
  return { form: toForm(ctx.minutes), isRescued: false };
}

const LIMITS: Record<TextSection, number> = {
  reviewOfLastPeriod: 8000,
  discussion: 16000,
  speakers: 4000,
  themedPart: 8000,
  duesCollected: 500,
  conclusions: 8000,
};

export const clock = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

function SaveStatus({ state }: { state: SaveState }) {
  let text = t('minutes.autosaveHint');
  let cls = 'muted';
  if (state.status === 'pending') text = t('minutes.pending');
  if (state.status === 'saving') text = t('minutes.saving');
  if (state.status === 'saved') text = t('minutes.savedAt', { time: clock(state.at) });
  if (state.status === 'error') {
    const reason = state.error instanceof UserError ? tDynamic(state.error.key) : tDynamic('err.unexpected');
    text = t('minutes.saveError', { reason });
    cls = 'error';
  }
  return (
    <span class={`save-status ${cls}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

export function MinutesEditor({ ctx }: { ctx: MinutesContext }) {
  const meetingId = ctx.meeting.id;
  const [initial] = useState(() => initialForm(ctx));
  const [form, setForm] = useState<MinutesForm>(initial.form);
  const latest = useRef(form);
  const autosave = useAutosave((f: MinutesForm) => saveMinutesDraft(meetingId, toDraftPatch(f)), {
    formId: MINUTES_FORM_ID,
    rescueKey: rescueKeyOf(meetingId),
  });
  // Text taken back from the local copy goes to the database straight away.
  useEffect(() => {
    if (initial.isRescued) autosave.change(initial.form);
  }, []);
  const a = ctx.attendance;
  const errors = formErrors(form, { startsAt: ctx.meeting.startsAt.slice(11, 16), mostPresent: a.total ? a.total - a.absentExcused.length - a.absentUnexcused.length : undefined });

  const update = (patch: Partial<MinutesForm>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    autosave.change(next);
  };
  const area = (s: TextSection, rows = 4, hint?: string) => (
    <TextAreaField id={`minutes-${s}`} label={t(`minutes.${s}`)} hint={hint} rows={rows} value={form[s]} onInput={(v) => update({ [s]: v.slice(0, LIMITS[s]) })} />
  );

  const doc = buildMinutesDoc({ ...ctx, minutes: ctx.minutes });
  const agenda = paragraphs(ctx.meeting.agenda);

  return (
    <form class="minutes-editor" onSubmit={(e) => e.preventDefault()} onFocusOut={() => void autosave.flush()} noValidate>
      <div class="minutes-status no-print">
        <span class="badge draft">{t('minutes.draftBadge')}</span>
        <SaveStatus state={autosave.state} />
      </div>

      <section class="card minutes-part" aria-labelledby="part-header">
        <h2 id="part-header">{t('minutes.partHeader')}</h2>
        <div class="doc-mini" lang="vi">
          <div class="doc-head">
            <div class="doc-issuer">
              <div>{doc.issuer.parent}</div>
              <div class="doc-b">{doc.issuer.unit}</div>
            </div>
            <div class="doc-org">
              <div class="doc-b doc-u">{doc.organisation}</div>
              <div class="doc-i doc-place">{doc.placeDate}</div>
            </div>
          </div>
          <div class="doc-mini-title">
            <b>{doc.title}</b>
            <br />
            <b>{doc.subtitle}</b>
            {doc.theme && (
              <>
                <br />
                <i>{doc.theme}</i>
              </>
            )}
          </div>
        </div>
        <p class="muted small">{t('minutes.headerHint')}</p>
      </section>

      <section class="card minutes-part" aria-labelledby="part-time">
        <h2 id="part-time">{t('minutes.partTime')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('minutes.startedAt')}</dt>
            <dd>{timeLine(ctx.meeting.startsAt)}</dd>
          </div>
          <div>
            <dt>{t('minutes.place')}</dt>
            <dd>{ctx.meeting.place || <span class="muted">{t('minutes.notSet')}</span>}</dd>
          </div>
        </dl>
      </section>

      <AttendanceBlock meetingId={meetingId} attendance={ctx.attendance} markedCount={ctx.markedCount} isFinalized={false} />

      <section class="card minutes-part" aria-labelledby="part-people">
        <h2 id="part-people">{t('minutes.partPeople')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('minutes.chair')}</dt>
            <dd>{ctx.chairName || <span class="muted">{t('minutes.notSet')}</span>}</dd>
          </div>
          <div>
            <dt>{t('minutes.minuteTaker')}</dt>
            <dd>{ctx.minuteTakerName || <span class="muted">{t('minutes.notSet')}</span>}</dd>
          </div>
        </dl>
      </section>

      <section class="card minutes-part" aria-labelledby="part-agenda">
        <h2 id="part-agenda">{t('minutes.partAgenda')}</h2>
        {agenda.length ? (
          <ol class="agenda">
            {agenda.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        ) : (
          <p class="muted">{t('minutes.notSet')}</p>
        )}
      </section>

      <section class="card minutes-part" aria-labelledby="part-content">
        <h2 id="part-content">{t('minutes.partContent')}</h2>
        {area('reviewOfLastPeriod')}
        {area('discussion', 6)}
        {area('speakers', 3, t('minutes.speakersHint'))}
        {area('themedPart')}
        {area('duesCollected', 2, t('minutes.duesHint'))}
      </section>

      <section class="card minutes-part" aria-labelledby="part-votes">
        <h2 id="part-votes">{t('minutes.partVotes')}</h2>
        <p class="muted small">{t('minutes.votesHint')}</p>
        <VotesEditor votes={form.votes} errors={errors} presentDefault={ctx.attendance.present} onChange={(votes) => update({ votes })} />
      </section>

      <section class="card minutes-part" aria-labelledby="part-conclusions">
        <h2 id="part-conclusions">{t('minutes.partConclusions')}</h2>
        {area('conclusions', 5)}
        <h3 class="minutes-sub">{t('minutes.tasks')}</h3>
        <TasksEditor tasks={form.tasks} errors={errors} onChange={(tasks) => update({ tasks })} />
      </section>

      <section class="card minutes-part" aria-labelledby="part-end">
        <h2 id="part-end">{t('minutes.partEnd')}</h2>
        <TextField
          id="minutes-endedAt"
          type="time"
          label={t('minutes.endedAt')}
          value={form.endedAt}
          onInput={(endedAt) => update({ endedAt })}
          error={errors.endedAt && tDynamic(errors.endedAt)}
        />
      </section>

      <FinalizePanel ctx={ctx} errorCount={Object.keys(errors).length} saveFirst={autosave.flush} />
    </form>
  );
}
