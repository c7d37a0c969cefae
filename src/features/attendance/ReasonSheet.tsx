// The reason for an excused absence: one tap on a common reason, or type another. A bottom
// sheet, in thumb reach. Reasons are stored in Vietnamese whatever the UI language: they go
// into the minutes, a Vietnamese document.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import { COMMON_ABSENCE_REASONS } from '../../protocol/meeting-enums';
import vi from '../../i18n/vi/attendance.json';

export const REASONS: readonly { code: string; label: MessageKey; text: string }[] = COMMON_ABSENCE_REASONS.map((code) => ({
  code,
  label: `attendance.reason_${code}` as MessageKey,
  text: (vi as Record<string, string>)[`reason_${code}`],
}));

/** The common reasons as chips; `onPick` gets the Vietnamese text to store. */
export function ReasonChips({ current, onPick }: { current?: string; onPick: (text: string) => void }) {
  return (
    <div class="chips" role="group" aria-label={t('attendance.reason')}>
      {REASONS.map((r) => (
        <button key={r.code} type="button" class={`chip${current === r.text ? ' on' : ''}`} aria-pressed={current === r.text} onClick={() => onPick(r.text)}>
          {t(r.label)}
        </button>
      ))}
    </div>
  );
}

interface Props {
  name: string;
  reason: string | undefined;
  onSave: (reason: string | undefined) => void;
  onClose: () => void;
}

export function ReasonSheet({ name, reason, onSave, onClose }: Props) {
  const isCommon = !!reason && REASONS.some((r) => r.text === reason);
  const [text, setText] = useState(isCommon ? '' : (reason ?? ''));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    onSave(text.trim() || undefined);
  };
  return (
    <div class="sheet-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="reason-title" tabIndex={-1} ref={ref}>
        <h2 id="reason-title">{t('attendance.reasonTitle', { name })}</h2>
        <ReasonChips current={reason} onPick={(r) => onSave(r)} />
        <form onSubmit={submit} class="reason-form">
          <label for="reason-text">{t('attendance.reasonOther')}</label>
          <div class="row">
            <input
              id="reason-text"
              value={text}
              maxLength={200}
              placeholder={t('attendance.reasonPlaceholder')}
              autoComplete="off"
              onInput={(e) => setText((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="btn primary" disabled={!text.trim()}>
              {t('attendance.reasonSave')}
            </button>
          </div>
        </form>
        <div class="row spread">
          {reason ? (
            <button type="button" class="btn" onClick={() => onSave(undefined)}>
              {t('attendance.reasonClear')}
            </button>
          ) : (
            <span />
          )}
          <button type="button" class="btn" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
