// The unit database a check-in screen works on: a supervised unit's (/above/unit/:unitId/…),
// opened apart and closed when the screen goes, or the unit's own (/checkins…). `base` is
// where the screens of that side live.
import { useEffect, useState } from 'preact/hooks';
import type { UnitDb } from '../../data/db';
import { openCheckinDb } from './checkins-queries';

export function checkinsBase(unitId: string | undefined): string {
  return unitId ? `/above/unit/${encodeURIComponent(unitId)}/checkins` : '/checkins';
}

export function useCheckinDb(unitId: string | undefined): { db: UnitDb | undefined; error: unknown } {
  const [state, setState] = useState<{ db: UnitDb | undefined; error: unknown }>({ db: undefined, error: undefined });
  useEffect(() => {
    let close = () => {};
    let gone = false;
    openCheckinDb(unitId).then(
      (o) => {
        if (gone) return o.close();
        close = o.close;
        setState({ db: o.db, error: undefined });
      },
      (error) => setState({ db: undefined, error }),
    );
    return () => {
      gone = true;
      close();
    };
  }, [unitId]);
  return state;
}
