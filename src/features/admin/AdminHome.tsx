// The admin's home once signed in (/admin): the unit tree (create under a parent, move, name
// the phụ trách, invite people into a unit) and the supervisor accounts of the level above
// (create, assign units). Everything is read fresh from the server after each change.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AuthError, type ApiOptions } from '../../sync/api';
import { adminApi, type AdminAccount, type AdminUnit } from './admin-api';
import { adminErrorText, ta } from './i18n';
import { UnitTree } from './UnitTree';
import { Accounts } from './Accounts';

export interface AdminHomeProps {
  api: ApiOptions;
  onAuthLost: () => void;
  /** what the host screen adds to each unit's card (the invite codes, the devices link) */
  unitExtra?: (unit: AdminUnit) => ComponentChildren;
}

export interface AdminData {
  units: AdminUnit[];
  accounts: AdminAccount[];
}

export default function AdminHome({ api, onAuthLost, unitExtra }: AdminHomeProps) {
  const [data, setData] = useState<AdminData | undefined>(undefined);
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);

  /** A failed call: signed out → back to sign-in; else the error in words, kept on screen. */
  const fail = (e: unknown) => (e instanceof AuthError ? onAuthLost() : setError(adminErrorText(e)));
  /** Runs a change, then reloads; answers whether it worked (forms clear themselves on success). */
  const run = async (change: () => Promise<unknown>): Promise<boolean> => {
    setError('');
    try {
      await change();
      setTick((n) => n + 1);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  useEffect(() => {
    Promise.all([adminApi.units(api), adminApi.accounts(api)])
      .then(([units, accounts]) => setData({ units, accounts }))
      .catch(fail);
  }, [api.token, tick]);

  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        !error && <p class="muted">{ta('loading')}</p>
      ) : (
        <>
          <UnitTree data={data} api={api} run={run} unitExtra={unitExtra} />
          <Accounts data={data} api={api} run={run} />
        </>
      )}
    </>
  );
}

export type Run = (change: () => Promise<unknown>) => Promise<boolean>;
