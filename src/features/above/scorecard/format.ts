// Each scorecard cell in words: a short text for the table, a sentence with its threshold for
// the unit's detail. Colour is never the only sign: every tone has its symbol and its word.
import { formatDate } from '../../../lib/dates';
import type { CellTone, ScorecardColumn, ScorecardGoals, ScorecardRow } from '../../../protocol/scorecard-rules';
import { ts, tsd } from './i18n';

export const TONE_SYMBOL: Record<CellTone, string> = { good: '✓', warn: '!', bad: '✗', none: '–' };
export const toneWord = (tone: CellTone): string => tsd(`tone_${tone}`);

const pct = (n: number | undefined) => (n === undefined ? ts('dash') : ts('pct', { n: n.toLocaleString('vi-VN') }));
/** 'yyyy-mm' → 'mm/yyyy' */
const monthYear = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** 'yyyy-mm' → 'tháng 3' */
const monthWord = (m: string) => ts('monthWord', { m: Number(m.slice(5, 7)) });

export function reportPeriodLabel(r: NonNullable<ScorecardRow['report']>): string {
  return tsd(`period_${r.kind}`, { index: r.index, year: r.year });
}

function reportTimeliness(r: NonNullable<ScorecardRow['report']>): string {
  if (r.sent === 0) return r.late ? ts('lateNotSent') : ts('dueOn', { date: formatDate(r.dueOn) });
  return r.onTime ? ts('onTime') : ts('lateSent');
}

/** The table's short text of a cell. */
export function cellText(row: ScorecardRow, col: ScorecardColumn): string {
  switch (col) {
    case 'meeting': {
      const m = row.meeting;
      const now = tsd(`meeting_${m.current}`);
      return m.missedMonths.length ? `${now} · ${ts('missedShort', { n: m.missedMonths.length })}` : now;
    }
    case 'members':
      return row.members.count.toLocaleString('vi-VN');
    case 'training':
      return row.training.roster ? ts('trainingShort', { reg: pct(row.training.registeredPct), done: pct(row.training.completingPct) }) : ts('dash');
    case 'rating':
      return pct(row.rating.goodOrBetterPct);
    case 'targets':
      return row.targets.total ? `${row.targets.onPace}/${row.targets.total}` : ts('dash');
    case 'project':
      return tsd(`stage_${row.project.stage ?? 'none'}`);
    case 'dues':
      return row.dues.through ? ts('duesThrough', { month: monthYear(row.dues.through) }) : ts('duesNone');
    case 'report': {
      const r = row.report;
      return r ? `${reportPeriodLabel(r)}: ${r.sent ? tsd(`state_${r.state}`) + ', ' : ''}${reportTimeliness(r)}` : ts('dash');
    }
    case 'checkIn':
      return row.checkIn.last ? formatDate(row.checkIn.last) : ts('checkInNone');
    case 'actions':
      return row.actions.open ? ts('actionsShort', { open: row.actions.open, overdue: row.actions.overdue }) : ts('actionsNone');
  }
}

const list = (months: readonly string[]) => months.map(monthWord).join(', ');

/** The detail's sentence of a cell (its value) and its threshold. */
export function cellSentence(row: ScorecardRow, col: ScorecardColumn, goals: ScorecardGoals): { value: string; goal?: string } {
  const p100 = (x: number) => Math.round(x * 100);
  switch (col) {
    case 'meeting': {
      const m = row.meeting;
      const now = m.frequency === 'monthly' ? tsd(`d_meeting_month_${m.current}`, { month: Number(row.today.slice(5, 7)) }) : tsd(`d_meeting_quarter_${m.current}`);
      const missed = m.missedMonths.length ? ts('d_meeting_missed', { n: m.missedMonths.length, months: list(m.missedMonths) }) : ts('d_meeting_noMissed');
      return { value: `${now}; ${missed}`, goal: ts('d_meeting_goal') };
    }
    case 'members':
      return { value: ts('d_members_value', { count: row.members.count, n: row.members.count.toLocaleString('vi-VN') }) };
    case 'training': {
      const t = row.training;
      return {
        value: ts('d_training_value', { reg: pct(t.registeredPct), rn: t.registered, done: pct(t.completingPct), cn: t.completing, roster: t.roster }),
        goal: ts('d_training_goal', { reg: p100(goals.registered), done: p100(goals.completing) }),
      };
    }
    case 'rating': {
      const r = row.rating;
      return { value: ts('d_rating_value', { pct: pct(r.goodOrBetterPct), n: r.goodOrBetter, eligible: r.eligible, undecided: r.undecided }), goal: ts('d_rating_goal', { goal: p100(goals.goodOrBetter) }) };
    }
    case 'targets': {
      const t = row.targets;
      if (!t.total) return { value: ts('d_targets_none') };
      const value = ts('d_targets_value', { onPace: t.onPace, total: t.total }) + (t.slipping.length ? `; ${ts('d_targets_slipping', { titles: t.slipping.join('; ') })}` : '');
      return { value, goal: ts('d_targets_goal', { goal: p100(goals.targetsOnPace) }) };
    }
    case 'project': {
      const p = row.project;
      return { value: p.stage ? ts('d_project_value', { title: p.title ?? '', stage: tsd(`stage_${p.stage}`) }) : tsd('stage_none'), goal: ts('d_project_goal') };
    }
    case 'dues': {
      const d = row.dues;
      const through = d.through ? ts('d_dues_value', { month: monthYear(d.through) }) : ts('d_dues_nothing');
      return { value: d.missing.length ? `${through}; ${ts('d_dues_missing', { months: list(d.missing) })}` : through, goal: ts('d_dues_goal') };
    }
    case 'report': {
      const r = row.report;
      return { value: r ? `${reportPeriodLabel(r)}: ${tsd(`state_${r.state}`)}, ${reportTimeliness(r)}` : ts('d_report_none'), goal: ts('d_report_goal') };
    }
    case 'checkIn': {
      const c = row.checkIn;
      const parts = [c.last ? ts('d_checkIn_last', { date: formatDate(c.last) }) : ts('checkInNone'), c.heldThisQuarter ? ts('d_checkIn_thisQuarter', { q: c.quarter }) : ts('d_checkIn_notYet', { q: c.quarter })];
      if (!c.heldThisQuarter && c.previousMissed) parts.push(ts('d_checkIn_prevMissed'));
      return { value: parts.join('; '), goal: ts('d_checkIn_goal') };
    }
    case 'actions': {
      const a = row.actions;
      const value = ts('d_actions_value', { open: a.open, overdue: a.overdue }) + (a.oldestDue ? `; ${ts('d_actions_oldest', { date: formatDate(a.oldestDue) })}` : '');
      return { value, goal: ts('d_actions_goal') };
    }
  }
}
