// One member on the roll: the whole row is the tap target (≥ 56 px), the status shows as a
// coloured pill with its words (never colour alone). Each row listens to its own member in
// RollState, so a tap re-renders that one row — not the list, not the screen (B4).
import { Component } from 'preact';
import { t, type MessageKey } from '../../i18n';
import type { Member } from '../../protocol/member';
import type { Mark, RollState } from './roll-state';

export const ROLL_ROW_HEIGHT = 64;

export function statusLabel(mark: Mark | undefined): string {
  return mark ? t(`attendance.status_${mark.status}` as MessageKey) : t('attendance.status_unmarked');
}

interface Props {
  member: Member;
  /** birth year or sub-group of a namesake (lib/name-tags.ts) */
  tag?: string;
  state: RollState;
  locked: boolean;
  onTap: (memberId: string) => void;
  onReason: (memberId: string) => void;
}

export class RollRow extends Component<Props> {
  private off?: () => void;

  componentDidMount() {
    this.listen();
  }

  componentDidUpdate(prev: Props) {
    if (prev.member.id !== this.props.member.id || prev.state !== this.props.state) this.listen();
  }

  componentWillUnmount() {
    this.off?.();
  }

  private listen() {
    this.off?.();
    this.off = this.props.state.subscribeMember(this.props.member.id, () => this.forceUpdate());
  }

  shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return p.member !== next.member || p.tag !== next.tag || p.state !== next.state || p.locked !== next.locked || p.onTap !== next.onTap || p.onReason !== next.onReason;
  }

  tap = () => this.props.onTap(this.props.member.id);
  /**
   * A finger on a row: no focus move and no emulated mouse events (mouseover, mousemove,
   * mousedown, mouseup, each with its hit test) before the click — a lighter tap (B4). The
   * click still comes; keyboards and screen readers are untouched.
   */
  press = (e: PointerEvent) => {
    if (e.pointerType === 'touch') e.preventDefault();
  };
  reason = () => this.props.onReason(this.props.member.id);

  render({ member, tag, state, locked }: Props) {
    const mark = state.get(member.id);
    const status = mark?.status ?? 'none';
    const sub = mark?.status === 'absent_excused' && mark.reason ? t('attendance.reasonOf', { reason: mark.reason }) : member.subGroup;
    const body = (
      <>
        <span class="roll-who">
          <span class="roll-name">
            {member.fullName}
            {tag && <span class="roll-tag">{` (${tag})`}</span>}
          </span>
          {sub && <span class="roll-sub">{sub}</span>}
        </span>
        <span class="roll-pill">{statusLabel(mark)}</span>
      </>
    );
    return (
      <div class={`roll-row st-${status}`}>
        {locked ? (
          <div class="roll-tap">{body}</div>
        ) : (
          <button type="button" class="roll-tap" onPointerDown={this.press} onClick={this.tap}>
            {body}
          </button>
        )}
        {!locked && mark?.status === 'absent_excused' && (
          <button type="button" class="roll-reason" onClick={this.reason} aria-label={`${t('attendance.reason')}: ${member.fullName}`}>
            {t('attendance.reason')}
          </button>
        )}
      </div>
    );
  }
}
