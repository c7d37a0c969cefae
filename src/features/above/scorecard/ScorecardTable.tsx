// PROVISIONAL (helper "scorecard" owns this file): one row per supervised unit, tap → its
// detail. The scorecard helper's version, with the figures and colours, replaces it at merge.
import type { SupervisedUnit } from '../registry';

export function ScorecardTable({ units }: { units: SupervisedUnit[]; today: string }) {
  return (
    <ul class="sc-list">
      {units.map((u) => (
        <li key={u.unitId}>
          <a class="card" href={`/above/unit/${u.unitId}`}>
            {u.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
