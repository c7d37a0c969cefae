import { Component } from 'preact';
import { t, type MessageKey } from '../../i18n';
import { yearsBetween, todayIso, turnsThirtyIn } from '../../lib/dates';
import type { MemberRowData } from './list-snapshot';

export const ROW_HEIGHT = 64;

interface Props {
  member: MemberRowData;
  year: number;
}

/** A row of the list; rendered again only when it shows another member (a keystroke, B5). */
export class MemberRow extends Component<Props> {
  shouldComponentUpdate(next: Props) {
    return next.member !== this.props.member || next.year !== this.props.year;
  }
  render({ member, year }: Props) {
    return row(member, year);
  }
}

function row(m: MemberRowData, year: number) {
  const details: string[] = [];
  if (m.position !== 'member') details.push(t(`members.position_${m.position}` as MessageKey));
  if (m.subGroup) details.push(m.subGroup);
  const age = m.dateOfBirth ? yearsBetween(m.dateOfBirth, todayIso()) : 0;
  if (m.dateOfBirth) details.push(t('members.age', { n: age }));
  if (m.status !== 'active') details.push(t(`members.status_${m.status}` as MessageKey));
  return (
    <a class="member-row" href={`/members/${m.id}`}>
      <span class="name">{m.fullName}</span>
      <span class="muted small">
        {details.join(' · ')}
        {turnsThirtyIn(m.dateOfBirth, year) && <span class="badge">30</span>}
        {/* still active past 30 (isActiveOver30 in lib/dates): like the "30" badge, no words */}
        {age > 30 && m.status === 'active' && <span class="badge">30+</span>}
      </span>
    </a>
  );
}
