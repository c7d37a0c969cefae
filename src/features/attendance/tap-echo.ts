// The click a finger's tap makes after the roll has already acted on its pointerup (RollRow:
// the mark is painted 12–28 ms sooner at 4×, B4). That click must reach nothing: by the time it
// comes, the tap's own render may have put something else under the finger — the row's
// "Lý do" button, or on the first tap the undo bar over the rows at the bottom of the screen
// (Chromium hit-tests the click again). A capture listener on the window swallows each expected
// click: the one at the tap's spot within a second of it, matched by place, so two quick taps
// whose clicks come late are each matched to their own. Keyboard and screen-reader clicks
// (detail 0) and clicks elsewhere pass.

/** How far from the tap the browser puts its click (it is the same point; slack for rounding). */
const SPOT_PX = 12;
/** The click of a tap comes within this after the finger lifts, or not at all. */
const WITHIN_MS = 1000;

interface Echo {
  x: number;
  y: number;
  until: number;
}

let echoes: Echo[] = [];
let listening = false;

/** A tap was acted on at this pointerup: its click, when it comes, is swallowed. */
export function expectClickOf(e: PointerEvent): void {
  if (!listening) {
    addEventListener('click', swallow, { capture: true });
    listening = true;
  }
  echoes.push({ x: e.clientX, y: e.clientY, until: e.timeStamp + WITHIN_MS });
}

function swallow(e: MouseEvent): void {
  echoes = echoes.filter((o) => e.timeStamp <= o.until);
  if (e.detail === 0) return;
  const i = echoes.findIndex((o) => Math.abs(o.x - e.clientX) <= SPOT_PX && Math.abs(o.y - e.clientY) <= SPOT_PX);
  if (i < 0) return;
  echoes.splice(i, 1);
  e.preventDefault();
  e.stopImmediatePropagation();
}
