// The attendance block of the minutes, exactly as it will print. While the minutes are a
// draft it is computed from the roll and re-renders whenever the roll changes (useLive in
// the page); once finalized it shows the block frozen in the record.
import { t } from '../../i18n';
import type { AttendanceSnapshot } from '../../protocol/minutes';
import { attendanceLines } from '../../protocol/minutes-text';

export function AttendanceBlock(p: { meetingId: string; attendance: AttendanceSnapshot; markedCount: number; isFinalized: boolean }) {
  return (
    <section class="card minutes-part" aria-labelledby="part-attendance">
      <h2 id="part-attendance">{t('minutes.partAttendance')}</h2>
      <p class="muted small">{p.isFinalized ? t('minutes.attendanceFrozen') : t('minutes.attendanceLive')}</p>
      {!p.isFinalized && p.markedCount === 0 && <p class="minutes-warn">{t('minutes.rollNotTaken')}</p>}
      <ul class="attendance-lines" data-testid="attendance-block" lang="vi">
        {attendanceLines(p.attendance).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {!p.isFinalized && (
        <a class="btn" href={`/meetings/${p.meetingId}/roll`}>
          {t('minutes.openRoll')}
        </a>
      )}
    </section>
  );
}
