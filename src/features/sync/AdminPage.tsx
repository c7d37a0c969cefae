// /admin: the server's administration for cấp trên. First run (no account yet): create the
// admin account; then log in. The unit tree and the supervisor accounts are the admin
// feature's (src/features/admin); each unit's card gets, from here, its one-time invite codes
// with a role (shown as text and as a QR code that opens /join?code=… on a phone) and a link
// to the unit's devices.
// Works on a browser with no unit of its own; talks to the server that served the app.
import { useEffect, useState } from 'preact/hooks';
import { tso } from './online-i18n';
import { TextField } from '../../ui/fields';
import { accountApi, AuthError, HttpError, NetworkError, type ApiOptions, type Invite } from '../../sync/api';
import { AdminHome, type AdminUnit } from '../admin';
import type { Role } from '../../protocol/sync';
import { formatWhen, roleLabel } from './format';
import { adminSession, setAdminSession } from './admin-session';
import { Qr } from './Qr';
import './sync.css';
import './sync-screens.css';

const INVITE_ROLES: Role[] = ['secretary', 'deputy', 'viewer', 'supervisor'];

function errorText(e: unknown): string {
  if (e instanceof NetworkError) return tso('errOffline');
  if (e instanceof HttpError) return tso('errGeneric', { message: e.message });
  return tso('errGeneric', { message: String((e as Error)?.message ?? e) });
}

export default function AdminPage() {
  const [token, setToken] = useState<string | null>(adminSession);
  const [needsAdmin, setNeedsAdmin] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState('');

  useEffect(() => {
    if (token) return;
    accountApi
      .setupStatus({ baseUrl: '' })
      .then((s) => setNeedsAdmin(s.needsAdmin))
      .catch((e) => setError(errorText(e)));
  }, [token]);

  const signedIn = (tok: string) => {
    setAdminSession(tok);
    setToken(tok);
  };
  const signOut = () => {
    setAdminSession(null);
    setToken(null);
  };

  return (
    <main class="page sync-page admin">
      <h1>{tso('adminTitle')}</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {token ? <AdminHome api={{ baseUrl: '', token }} onAuthLost={signOut} unitExtra={(u) => <InviteBox unit={u} api={{ baseUrl: '', token }} onError={(e) => (e instanceof AuthError ? signOut() : setError(errorText(e)))} />} /> : needsAdmin === true ? <FirstRun onDone={signedIn} /> : needsAdmin === false ? <Login onDone={signedIn} /> : null}
      {token && (
        <button class="btn" onClick={signOut}>
          {tso('logout')}
        </button>
      )}
    </main>
  );
}

function FirstRun({ onDone }: { onDone: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== again) return setError(tso('errPasswordMatch'));
    setBusy(true);
    setError('');
    try {
      onDone((await accountApi.setup({ baseUrl: '' }, username.trim(), password)).token);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <p>{tso('adminFirstRun')}</p>
      <TextField id="admin-user" label={tso('username')} value={username} onInput={setUsername} autoComplete="username" required />
      <TextField id="admin-pass" label={tso('password')} value={password} onInput={setPassword} type="password" hint={tso('passwordHint')} autoComplete="new-password" required />
      <TextField id="admin-pass2" label={tso('passwordAgain')} value={again} onInput={setAgain} type="password" autoComplete="new-password" required />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="btn primary block" type="submit" disabled={busy}>
        {tso('createAdmin')}
      </button>
    </form>
  );
}

function Login({ onDone }: { onDone: (token: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      onDone((await accountApi.login({ baseUrl: '' }, username.trim(), password)).token);
    } catch (err) {
      setError(err instanceof AuthError ? tso('errLogin') : errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate>
      <TextField id="login-user" label={tso('username')} value={username} onInput={setUsername} autoComplete="username" required />
      <TextField id="login-pass" label={tso('password')} value={password} onInput={setPassword} type="password" autoComplete="current-password" required />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="btn primary block" type="submit" disabled={busy}>
        {tso('login')}
      </button>
    </form>
  );
}

/** A unit's invite codes and the way to its devices, inside the admin tree's card of the unit. */
function InviteBox({ unit, api, onError }: { unit: AdminUnit; api: ApiOptions; onError: (e: unknown) => void }) {
  const [role, setRole] = useState<Role>('secretary');
  const [invites, setInvites] = useState<Invite[]>([]);
  const invite = async () => {
    try {
      const inv = await accountApi.createInvite(api, unit.id, role);
      setInvites([inv, ...invites]);
    } catch (e) {
      onError(e);
    }
  };
  const sel = `role-${unit.id}`;
  return (
    // folded: the tree stays readable at 360 px; opened, it is the unit's invite desk
    <details class="invite-box" style={{ marginTop: '0.5rem' }}>
      <summary class="btn" style={{ listStyle: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {tso('inviteOpen')}
      </summary>
      <div class="field">
        <label for={sel}>{tso('inviteRole')}</label>
        <select id={sel} value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
          {INVITE_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <button class="btn primary" onClick={() => void invite()}>
          {tso('createInvite')}
        </button>
        <a class="btn" href={`/sync/devices?unit=${encodeURIComponent(unit.id)}`}>
          {tso('devicesOfUnit')}
        </a>
      </div>
      {invites.map((inv) => (
        <div class="invite" key={inv.code}>
          <p class="small">{tso('inviteFor', { role: roleLabel(inv.role) })}</p>
          <p class="invite-code" data-role={inv.role}>
            {inv.code}
          </p>
          <Qr text={`${location.origin}/join?code=${encodeURIComponent(inv.code)}`} label={tso('inviteQr')} />
          <p class="small muted">{tso('inviteExpires', { time: formatWhen(inv.expiresAt) })}</p>
        </div>
      ))}
    </details>
  );
}
