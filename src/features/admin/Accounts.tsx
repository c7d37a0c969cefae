// The level above's accounts: create a supervisor account (username, password), list them with
// their units, and assign units with the tree's checkboxes — a unit brings the chi đoàn below
// it (the server covers children through the tree), so those show as included, not ticked.
import { useState } from 'preact/hooks';
import type { ApiOptions } from '../../sync/api';
import { TextField } from '../../ui/fields';
import { adminApi, type AdminAccount } from './admin-api';
import type { AdminData, Run } from './AdminHome';
import { ta } from './i18n';
import { impliedBy, pruneImplied, treeRows } from './unit-tree';
import * as css from './styles';

interface Props {
  data: AdminData;
  api: ApiOptions;
  run: Run;
}

export function Accounts({ data, api, run }: Props) {
  const supervisors = data.accounts.filter((a) => a.role === 'supervisor');
  return (
    <section aria-labelledby="admin-accounts">
      <h2 id="admin-accounts">{ta('accountsTitle')}</h2>
      <p class="small muted">{ta('accountsIntro')}</p>
      <NewAccount api={api} run={run} />
      {!supervisors.length && <p class="muted">{ta('accountsNone')}</p>}
      <ul class="conflict-list">
        {supervisors.map((a) => (
          <AccountCard key={a.id} account={a} data={data} api={api} run={run} />
        ))}
      </ul>
    </section>
  );
}

function NewAccount({ api, run }: { api: ApiOptions; run: Run }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = {
      ...(username.trim().length < 3 ? { username: ta('errUsername') } : {}),
      ...(password.length < 8 ? { password: ta('errPassword') } : {}),
    };
    setErrors(found);
    if (found.username || found.password) return;
    if (await run(() => adminApi.createSupervisor(api, username.trim(), password, []))) {
      setUsername('');
      setPassword('');
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <h3>{ta('newAccount')}</h3>
      <TextField id="account-user" label={ta('username')} value={username} onInput={setUsername} error={errors.username} autoComplete="off" required />
      <TextField id="account-pass" label={ta('password')} type="password" hint={ta('passwordHint')} value={password} onInput={setPassword} error={errors.password} autoComplete="new-password" required />
      <button class="btn primary block" type="submit">
        {ta('createAccount')}
      </button>
    </form>
  );
}

function AccountCard({ account, data, api, run }: { account: AdminAccount; data: AdminData; api: ApiOptions; run: Run }) {
  const [checked, setChecked] = useState<Set<string> | null>(null);
  const names = account.unitIds.map((id) => data.units.find((u) => u.id === id)?.name ?? id);
  const rows = treeRows(data.units);
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };
  const save = async () => {
    if (checked && (await run(() => adminApi.assignUnits(api, account.id, pruneImplied(data.units, checked))))) setChecked(null);
  };
  return (
    <li class="card" aria-label={account.username}>
      <h3>{account.username}</h3>
      <p class="small">{names.length ? ta('assignedUnits', { units: names.join(', ') }) : ta('assignedNone')}</p>
      {!checked ? (
        <button class="btn block" type="button" onClick={() => setChecked(new Set(account.unitIds))}>
          {ta('assign')}
        </button>
      ) : (
        <fieldset>
          <legend>{ta('assignTitle', { name: account.username })}</legend>
          <p class="small muted">{ta('assignHint')}</p>
          {account.unitIds.length > 0 && <p class="small muted">{ta('unassignHint')}</p>}
          <ul class="unit-checks" style={css.checks}>
            {rows.map(({ unit, depth }) => {
              const via = impliedBy(data.units, unit.id, checked);
              return (
                <li key={unit.id} style={{ marginLeft: css.indent(depth).marginLeft }}>
                  <label style={css.checkLabel}>
                    <input type="checkbox" style={css.checkBox} checked={checked.has(unit.id) || !!via} disabled={!!via} onChange={() => toggle(unit.id)} />
                    <span>
                      {unit.name}
                      {via && <span class="small muted"> {ta('includedIn', { unit: via.name })}</span>}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <div class="row">
            <button class="btn primary" type="button" onClick={() => void save()}>
              {ta('save')}
            </button>
            <button class="btn" type="button" onClick={() => setChecked(null)}>
              {ta('cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}
