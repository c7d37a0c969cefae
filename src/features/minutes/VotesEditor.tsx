// Member matters put to a vote (kết nạp, khen thưởng, kỷ luật…): matter, tán thành, không
// tán thành, có mặt. "For + against ≤ present" is checked as the secretary types.
import { t, tDynamic } from '../../i18n';
import { TextAreaField, TextField } from '../../ui/fields';
import { emptyVote, type FormErrors, type VoteRow } from './minutes-form';

const MAX_VOTES = 50;

export function VotesEditor(p: { votes: VoteRow[]; errors: FormErrors; presentDefault: number; onChange: (votes: VoteRow[]) => void }) {
  const set = (i: number, patch: Partial<VoteRow>) => p.onChange(p.votes.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const digits = (s: string) => s.replace(/[^\d]/g, '').slice(0, 6);
  return (
    <div class="minutes-rows">
      {p.votes.map((v, i) => {
        const countsError = p.errors[`votes.${i}.counts`];
        const n = i + 1;
        return (
          <fieldset key={v.key} class="minutes-row">
            <legend>{t('minutes.voteN', { n })}</legend>
            <TextAreaField
              id={`vote-${n}-matter`}
              rows={2}
              label={t('minutes.voteMatter')}
              value={v.matter}
              onInput={(matter) => set(i, { matter: matter.slice(0, 300) })}
              error={p.errors[`votes.${i}.matter`] && tDynamic(p.errors[`votes.${i}.matter`])}
            />
            <div class="vote-counts" data-invalid={countsError ? '' : undefined}>
              {(['votesFor', 'votesAgainst', 'present'] as const).map((f) => (
                <TextField
                  key={f}
                  id={`vote-${n}-${f}`}
                  label={t(f === 'present' ? 'minutes.votesPresent' : f === 'votesFor' ? 'minutes.votesFor' : 'minutes.votesAgainst')}
                  inputMode="numeric"
                  value={v[f]}
                  onInput={(x) => set(i, { [f]: digits(x) })}
                />
              ))}
            </div>
            {countsError && (
              <p class="error small" role="alert">
                {tDynamic(countsError)}
              </p>
            )}
            <button type="button" class="btn danger small-btn" onClick={() => p.onChange(p.votes.filter((_, j) => j !== i))}>
              {t('minutes.removeVote', { n })}
            </button>
          </fieldset>
        );
      })}
      {p.votes.length < MAX_VOTES && (
        <button type="button" class="btn" onClick={() => p.onChange([...p.votes, { ...emptyVote(), present: p.presentDefault ? String(p.presentDefault) : '' }])}>
          + {t('minutes.addVote')}
        </button>
      )}
    </div>
  );
}
