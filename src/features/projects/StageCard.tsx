// A project's stages: each step done with its date, the one next action as the big button
// ("Nghiệm thu" opens the acceptance form: date, decision number, who accepted), and below
// it, smaller, drop (with a reason) and undo of the last step. An undone step's form comes back
// filled: the acceptance's decision and who accepted are kept on the record (undoLast), and
// the date just taken back is offered again while the page stays open.
import { useState } from 'preact/hooks';
import { formatDate, todayIso } from '../../lib/dates';
import { TextField } from '../../ui/fields';
import { t } from '../../i18n';
import type { YouthProject } from '../../protocol/youth-project';
import { nextStep, reachedStep, STAGE_STEPS, STEP_DATE, type StageStep } from '../../protocol/youth-project-rules';
import { advanceProject, dropProject, undoLastStep } from './projects-repo';
import { errorText, pt, stageLabel, stepLabel } from './i18n';

type Open = 'next' | 'drop' | undefined;

function Stepper({ p }: { p: YouthProject }) {
  const reached = STAGE_STEPS.indexOf(reachedStep(p));
  const next = nextStep(p);
  return (
    <ol class="stepper" aria-label={pt('stagesTitle')}>
      {STAGE_STEPS.map((s, i) => {
        const date = p[STEP_DATE[s]];
        const state = i <= reached ? 'done' : s === next ? 'next' : 'todo';
        return (
          <li key={s} class={state}>
            <span class="dot" aria-hidden="true">{state === 'done' ? '✓' : ''}</span>
            <span>
              <span class="name">{stepLabel(s)}</span>
              {state === 'done' && date && <span class="meta">{formatDate(date)}</span>}
              {s === 'accepted' && state === 'done' && <span class="meta">{pt('acceptance', { decision: p.acceptanceDecision ?? '', by: p.acceptedBy ?? '' })}</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function StageCard({ project: p, onDone }: { project: YouthProject; onDone: (message: string) => void }) {
  const [open, setOpen] = useState<Open>(undefined);
  const [date, setDate] = useState(todayIso());
  const [decision, setDecision] = useState(p.acceptanceDecision ?? '');
  const [by, setBy] = useState(p.acceptedBy ?? '');
  // the step last undone here and its date, to offer that date when the step is taken again
  const [undone, setUndone] = useState<{ step: string; date?: string }>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = nextStep(p);

  const show = (o: Open) => {
    setOpen(o);
    setDate((o === 'next' && undone?.step === next && undone?.date) || todayIso());
    setError('');
  };
  const run = async (write: () => Promise<YouthProject>, message: (saved: YouthProject) => string) => {
    setBusy(true);
    setError('');
    try {
      const saved = await write();
      setOpen(undefined);
      onDone(message(saved));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const submitNext = (e: Event) => {
    e.preventDefault();
    void run(() => advanceProject(p.id, next === 'accepted' ? { date, acceptanceDecision: decision, acceptedBy: by } : { date }), (s) => pt('stepSaved', { stage: stageLabel(s.stage) }));
  };
  const submitDrop = (e: Event) => {
    e.preventDefault();
    void run(() => dropProject(p.id, { date, reason }), () => pt('dropped'));
  };
  const undo = () => {
    const question = p.stage === 'dropped' ? pt('undoDropConfirm') : pt('undoConfirm', { step: stepLabel(p.stage as StageStep) });
    const step = { step: p.stage, date: p.stage === 'dropped' ? undefined : p[STEP_DATE[p.stage]] };
    if (!confirm(question)) return;
    void run(() => undoLastStep(p.id), (saved) => {
      setUndone(step);
      // kept on the record (the acceptance may have come from another phone after this page opened)
      if (saved.acceptanceDecision) setDecision(saved.acceptanceDecision);
      if (saved.acceptedBy) setBy(saved.acceptedBy);
      return pt('undone');
    });
  };

  return (
    <section class="card">
      <h2>{pt('stagesTitle')}</h2>
      <Stepper p={p} />
      {p.stage === 'dropped' && (
        <p class="warn-box">{pt('droppedLine', { date: formatDate(p.droppedOn), reason: p.dropReason ?? '' })}</p>
      )}
      {next && open !== 'next' && (
        <button type="button" class="btn primary big-next w" onClick={() => show('next')}>
          {stepLabel(next)}
        </button>
      )}
      {next && open === 'next' && (
        <form class="stage-form" onSubmit={submitNext} noValidate>
          <h3>{stepLabel(next)}</h3>
          <TextField id="pj-step-date" type="date" label={pt('dateField')} value={date} onInput={setDate} required />
          {next === 'accepted' && (
            <>
              <TextField id="pj-decision" label={pt('decision')} value={decision} onInput={setDecision} placeholder={pt('decisionPlaceholder')} required />
              <TextField id="pj-accepted-by" label={pt('acceptedBy')} value={by} onInput={setBy} placeholder={pt('acceptedByPlaceholder')} required />
            </>
          )}
          {error && <p class="error" role="alert">{error}</p>}
          <div class="form-actions">
            <button type="button" class="btn" onClick={() => show(undefined)}>{t('common.cancel')}</button>
            <button type="submit" class="btn primary" disabled={busy}>{pt('confirmStep')}</button>
          </div>
        </form>
      )}
      {open === 'drop' && (
        <form class="stage-form" onSubmit={submitDrop} noValidate>
          <h3>{pt('dropAction')}</h3>
          <TextField id="pj-drop-date" type="date" label={pt('dateField')} value={date} onInput={setDate} required />
          <TextField id="pj-drop-reason" label={pt('dropReason')} value={reason} onInput={setReason} required />
          {error && <p class="error" role="alert">{error}</p>}
          <div class="form-actions">
            <button type="button" class="btn" onClick={() => show(undefined)}>{t('common.cancel')}</button>
            <button type="submit" class="btn danger" disabled={busy}>{pt('dropConfirm')}</button>
          </div>
        </form>
      )}
      {error && !open && <p class="error" role="alert">{error}</p>}
      {!open && (
        <div class="stage-tools w">
          {p.stage !== 'registered' && (
            <button type="button" class="btn" onClick={undo} disabled={busy}>↶ {pt('undoAction')}</button>
          )}
          {next && (
            <button type="button" class="btn danger" onClick={() => show('drop')}>{pt('dropAction')}</button>
          )}
        </div>
      )}
    </section>
  );
}
