// The plan's target 2, second half, on the unit's rating screen: "Không chi đoàn nào xếp loại
// Không hoàn thành nhiệm vụ" — about a parent unit's chi đoàn, from their recognised levels.
// The unit's own phone holds its children only when it also supervises them (the level above's
// registry); otherwise it says plainly that it cannot tell, instead of a ✓ it cannot know.
import { useEffect, useState } from 'preact/hooks';
import { childUnitsCheck } from '../../protocol/recognition-rules';
import { loadOwnChildUnits } from './rating-queries';
import type { ChildUnits } from '../recognition/recognition-queries';
import { tr } from './i18n';

export function ChildUnitsLine({ year }: { year: number }) {
  const [kids, setKids] = useState<ChildUnits>();
  useEffect(() => {
    let alive = true;
    loadOwnChildUnits(year).then((k) => alive && setKids(k), () => alive && setKids({ held: false, children: [] }));
    return () => {
      alive = false;
    };
  }, [year]);
  if (!kids) return null;
  const c = childUnitsCheck(kids.children);
  if (!c) return <p class="muted small" data-testid="children-line">{tr('childrenNotHeld')}</p>;
  const mark = c.state === 'met' ? '✓' : c.state === 'failed' ? '✗' : '…';
  return (
    <p class={`small ${c.state === 'failed' ? 'warn-box' : c.state === 'met' ? 'ok' : ''}`} data-testid="children-line">
      {mark} {tr('childrenTarget')} — {tr('childrenCount', { n: c.recognised, total: c.total })}
      {c.notCompleted.length > 0 && `: ${c.notCompleted.join(', ')}`}
    </p>
  );
}
