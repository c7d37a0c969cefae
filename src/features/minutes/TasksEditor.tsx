// Tasks assigned at the meeting: what, who, by when (dd/mm/yyyy).
import { t, tDynamic } from '../../i18n';
import { TextField } from '../../ui/fields';
import { emptyTask, type FormErrors, type TaskRow } from './minutes-form';

const MAX_TASKS = 100;

export function TasksEditor(p: { tasks: TaskRow[]; errors: FormErrors; onChange: (tasks: TaskRow[]) => void }) {
  const set = (i: number, patch: Partial<TaskRow>) => p.onChange(p.tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const err = (key: string) => (p.errors[key] ? tDynamic(p.errors[key]) : undefined);
  return (
    <div class="minutes-rows">
      {p.tasks.map((task, i) => {
        const n = i + 1;
        return (
          <fieldset key={task.key} class="minutes-row">
            <legend>{t('minutes.taskN', { n })}</legend>
            <TextField id={`task-${n}-what`} label={t('minutes.taskWhat')} value={task.what} onInput={(what) => set(i, { what: what.slice(0, 500) })} error={err(`tasks.${i}.what`)} />
            <div class="task-who-due">
              <TextField id={`task-${n}-who`} label={t('minutes.taskWho')} value={task.who} onInput={(who) => set(i, { who: who.slice(0, 150) })} />
              <TextField
                id={`task-${n}-due`}
                label={t('minutes.taskDue')}
                inputMode="numeric"
                placeholder="dd/mm/yyyy"
                value={task.due}
                onInput={(due) => set(i, { due: due.slice(0, 10) })}
                error={err(`tasks.${i}.due`)}
              />
            </div>
            <button type="button" class="btn danger small-btn" onClick={() => p.onChange(p.tasks.filter((_, j) => j !== i))}>
              {t('minutes.removeTask', { n })}
            </button>
          </fieldset>
        );
      })}
      {p.tasks.length < MAX_TASKS && (
        <button type="button" class="btn" onClick={() => p.onChange([...p.tasks, emptyTask()])}>
          + {t('minutes.addTask')}
        </button>
      )}
    </div>
  );
}
