// A project's progress log, newest first: add an entry, edit or delete one.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { formatDate } from '../../lib/dates';
import type { YouthProjectLog } from '../../protocol/youth-project';
import { addLogEntry, deleteLogEntry, updateLogEntry } from './projects-repo';
import { LogEntryForm } from './LogEntryForm';
import { errorText, pt } from './i18n';
import { PhotoStrip } from '../photos';

export function LogCard({ projectId, log, onDone }: { projectId: string; log: YouthProjectLog[]; onDone: (message: string) => void }) {
  // 'new', an entry's id being edited, or nothing open
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');

  const saved = () => {
    setEditing(undefined);
    onDone(pt('logSaved'));
  };
  const remove = async (id: string) => {
    if (!confirm(pt('logDeleteConfirm'))) return;
    try {
      await deleteLogEntry(id);
      onDone(pt('logDeleted'));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <section class="card">
      <div class="area-title">
        <h2>{pt('logTitle')}</h2>
        {editing !== 'new' && (
          <button type="button" class="btn w" onClick={() => setEditing('new')}>+ {pt('logAdd')}</button>
        )}
      </div>
      {editing === 'new' && (
        <LogEntryForm id="pj-log-new" onSave={async (input) => {
            await addLogEntry(projectId, input);
            saved();
          }} onCancel={() => setEditing(undefined)} />
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {log.length === 0 && editing !== 'new' && <p class="muted">{pt('logEmpty')}</p>}
      <ul class="log">
        {log.map((e) =>
          editing === e.id ? (
            <li key={e.id}>
              <LogEntryForm id={`pj-log-${e.id}`} initial={e} onSave={async (input) => {
                  await updateLogEntry(e.id, input);
                  saved();
                }} onCancel={() => setEditing(undefined)} />
            </li>
          ) : (
            <li key={e.id}>
              <span class="when">{formatDate(e.date)}</span>
              {e.note && <p class="log-note">{e.note}</p>}
              <PhotoStrip hashes={e.photos} />
              <div class="tools">
                <button type="button" class="btn w" onClick={() => setEditing(e.id)}>{t('common.edit')}</button>
                <button type="button" class="btn danger w" onClick={() => void remove(e.id)}>{t('common.delete')}</button>
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
