// The chi đoàn under a parent unit (those this phone supervises), each with its recognised
// level, and the plan's target 2, second half: "Không chi đoàn nào xếp loại Không hoàn thành
// nhiệm vụ" — ✓ once every chi đoàn is recognised and none is "not completed", ✗ as soon as one is.
import { childUnitsCheck, type ChildUnitLike } from '../../protocol/recognition-rules';
import { levelLabel, tr } from './i18n';

export function ChildrenCard({ units }: { units: ChildUnitLike[] }) {
  const c = childUnitsCheck(units);
  if (!c) return null;
  const mark = c.state === 'met' ? '✓' : c.state === 'failed' ? '✗' : '…';
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <section class="card" data-testid="children">
      <h2 style={{ marginTop: 0 }}>{tr('childrenTitle')}</h2>
      <p class={c.state === 'failed' ? 'warn-box small' : c.state === 'met' ? 'ok small' : 'small'} data-testid="children-target">
        {mark} {tr('childrenTarget')} — {tr('childrenCount', { n: c.recognised, total: c.total })}
      </p>
      <ul class="items">
        {sorted.map((k) => (
          <li key={k.unitId}>
            <a href={`/above/unit/${encodeURIComponent(k.unitId)}/rating`}>{k.name}</a>: {k.level ? levelLabel(k.level) : <span class="muted">{tr('childNotRecognised')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
