// One member on the roll: the whole row is the tap target (≥ 56 px), the status shows as a
// coloured pill with its words (never colour alone). Each row listens to its own member in
// RollState, so a tap re-renders that one row — not the list, not the screen (B4).
import { Component } from 'preact';
import { t, type MessageKey } from '../../i18n';
import type { Member } from '../../protocol/member';
import type { Mark, RollState } from './roll-state';
import { expectClickOf } from './tap-echo';

export const ROLL_ROW_HEIGHT = 64;
/** A touch held longer than this is a long press, not a tap (Android's is 400–500 ms). */
const TAP_MAX_MS = 400;
/** How far a finger may move and still tap (Android's touch slop is 8 dp). */
const TAP_SLOP_PX = 10;

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

  /** A finger down on this row, until it lifts or the browser takes it for a scroll. */
  private down?: { id: number; x: number; y: number; at: number };

  /**
   * A finger on a row: no focus move and no emulated mouse events (mouseover, mousemove,
   * mousedown, mouseup, each with its hit test) before the click — a lighter tap (B4).
   */
  press = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') return;
    e.preventDefault();
    this.down = e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY, at: e.timeStamp } : undefined;
  };
  /**
   * A finger lifted where it went down, soon: that is the tap, marked now rather than at the
   * click the browser makes from it 12–28 ms later at 4× (pointerup → click, B4). A scroll
   * never gets here (the browser cancels the pointer when it starts panning); a long press or
   * a slide is left to the click, which the browser then makes or not, as for any button.
   */
  lift = (e: PointerEvent) => {
    const d = this.down;
    this.down = undefined;
    if (!d || d.id !== e.pointerId || e.timeStamp - d.at > TAP_MAX_MS || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP_PX) return;
    expectClickOf(e);
    this.props.onTap(this.props.member.id);
  };
  cancel = () => {
    this.down = undefined;
  };
  /** A click: a mouse, a key, a screen reader (a finger's tap was taken at pointerup: tap-echo.ts). */
  tap = () => this.props.onTap(this.props.member.id);
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
          <button type="button" class="roll-tap" onPointerDown={this.press} onPointerUp={this.lift} onPointerCancel={this.cancel} onClick={this.tap}>
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
