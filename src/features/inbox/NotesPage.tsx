// The notes between a unit and the level above (issue 11 item 7), one screen for both sides:
//   /above/unit/:unitId/notes  the level above on a supervised unit's copy: "Gửi hướng dẫn"
//   /notes                     the unit: "Xin ý kiến cấp trên"
// Threads newest activity first, each opening to its notes and a reply box; opening a thread
// marks what the other side wrote as read (so guidance leaves the unit's Home once read).
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useLive } from '../../data/live';
import { TextAreaField } from '../../ui/fields';
import type { UnitNote } from '../../protocol/oversight';
import type { NoteThread } from '../../protocol/note-rules';
import { loadNotes, openThread, sendNew, sendReply, type NotesView } from './notes-queries';
import { errorText, stamp, ti } from './i18n';
import { useReload } from './use-reload';
import './inbox.css';


function Compose({ id, label, submit, onSent, cancel }: { id: string; label: string; submit: string; onSent: (body: string) => Promise<unknown>; cancel?: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSent(body);
      setBody('');
    } catch (err) {
      setError(errorText(err));
    }
    setBusy(false);
  };
  return (
    <form class="ib-compose" onSubmit={send}>
      <TextAreaField id={id} label={label} value={body} onInput={setBody} rows={3} error={error} />
      <div class="ib-actions">
        <button type="submit" class="btn primary" disabled={busy}>{submit}</button>
        {cancel && <button type="button" class="btn" onClick={cancel}>{ti('cancel')}</button>}
      </div>
    </form>
  );
}

function Note({ n, side }: { n: UnitNote; side: NotesView['side'] }) {
  const who = n.authorName ? `${ti(n.from === 'above' ? 'fromAbove' : 'fromUnit')} · ${n.authorName}` : ti(n.from === 'above' ? 'fromAbove' : 'fromUnit');
  return (
    <li class={`ib-note ${n.from}`}>
      <span class="who">
        {who} · {stamp(n.at)}
        {n.from !== side && !n.readAt && <span class="ib-new">{ti('unreadBadge')}</span>}
      </span>
      <p>{n.body}</p>
      {n.from === side && n.readAt && <span class="who">{ti('readAt', { time: stamp(n.readAt) })}</span>}
    </li>
  );
}

function Thread({ t, view, unitId, changed }: { t: NoteThread<UnitNote>; view: NotesView; unitId?: string; changed: () => void }) {
  const toggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || !t.unread) return;
    openThread(unitId, t.id).then(changed, () => undefined);
  };
  return (
    <li class={`card ib-thread${t.unread ? ' unread' : ''}`}>
      <details onToggle={toggle}>
        <summary>
          <span class="kind">
            {ti(t.kind === 'guidance' ? 'kind_guidance' : 'kind_question')} · {stamp(t.lastAt)}
            {t.unread > 0 && <span class="ib-new">{ti('unreadBadge')}</span>}
          </span>
          <span>{t.notes[0].body.length > 90 ? `${t.notes[0].body.slice(0, 90)}…` : t.notes[0].body}</span>
        </summary>
        <ul class="ib-versions">
          {t.notes.map((n) => <Note key={n.id} n={n} side={view.side} />)}
        </ul>
        {view.canWrite && (
          <Compose id={`ib-reply-${t.id}`} label={ti('replyLabel')} submit={ti('replySend')} onSent={async (b) => { await sendReply(unitId, t.id, b); changed(); }} />
        )}
      </details>
    </li>
  );
}

function Notes({ view, unitId, changed }: { view: NotesView; unitId?: string; changed: () => void }) {
  const [composing, setComposing] = useState(false);
  const above = view.side === 'above';
  return (
    <>
      <p class="muted small">{ti(above ? 'notesLeadAbove' : 'notesLeadUnit')}</p>
      {view.canWrite && !composing && (
        <button type="button" class="btn primary block" onClick={() => setComposing(true)}>{ti(above ? 'newGuidance' : 'newQuestion')}</button>
      )}
      {composing && (
        <section class="card">
          <Compose
            id="ib-new"
            label={ti(above ? 'newBodyGuidance' : 'newBodyQuestion')}
            submit={ti('send')}
            onSent={async (b) => {
              await sendNew(unitId, b);
              setComposing(false);
              changed();
            }}
            cancel={() => setComposing(false)}
          />
        </section>
      )}
      {!view.threads.length && <p class="empty">{ti('noThreads')}</p>}
      <ul class="ib-threads">
        {view.threads.map((t) => <Thread key={t.id} t={t} view={view} unitId={unitId} changed={changed} />)}
      </ul>
    </>
  );
}

/** /above/unit/:unitId/notes */
export function AboveNotesPage() {
  const { params } = useRoute();
  const unitId = decodeURIComponent(params.unitId ?? '');
  const data = useReload(() => loadNotes(unitId), [unitId]);
  return (
    <main class="page inbox">
      <a class="back" href={`/above/unit/${encodeURIComponent(unitId)}`}>← {ti('back')}</a>
      <h1>{ti('notesTitleAbove', { unit: data.value?.unitName ?? '' })}</h1>
      {!data.isLoaded && <p class="muted">{ti('loading')}</p>}
      {data.error !== undefined && <p class="error" role="alert">{ti('loadError')}</p>}
      {data.value && <Notes view={data.value} unitId={unitId} changed={data.reload} />}
    </main>
  );
}

/** /notes: the unit's side, live (a pull that brings an answer shows it). */
export function UnitNotesPage() {
  const data = useLive(async () => loadNotes(), []);
  return (
    <main class="page inbox">
      <a class="back" href="/">← {ti('backHome')}</a>
      <h1>{ti('notesTitle')}</h1>
      {!data.isLoaded && <p class="muted">{ti('loading')}</p>}
      {data.error !== undefined && <p class="error" role="alert">{ti('loadError')}</p>}
      {data.value && <Notes view={data.value} changed={() => undefined} />}
    </main>
  );
}
