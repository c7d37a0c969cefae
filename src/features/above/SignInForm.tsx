// Sign-in of a supervisor account (issue 11). The server is the one that serves the app, as on
// /join and /admin (our CSP lets the app talk to no other). Signing in enrolls the phone in
// every unit of the account and loads them, with progress: "Đang tải 3/12 đơn vị…".
import { useState } from 'preact/hooks';
import { TextField } from '../../ui/fields';
import { errorText, ta } from './i18n';
import type { AboveSyncView } from './use-above-sync';

export function SignInForm({ sync, username: known = '', expired = false }: { sync: AboveSyncView; username?: string; expired?: boolean }) {
  const [username, setUsername] = useState(known);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      await sync.signIn({ username, password, baseUrl: '' });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="above-signin">
      <h2>{ta('signInTitle')}</h2>
      <p class="muted small">{expired ? ta('signInAgain') : ta('signInLead')}</p>
      <TextField id="above-user" label={ta('username')} value={username} onInput={setUsername} autoComplete="username" required />
      <TextField id="above-pass" label={ta('password')} type="password" value={password} onInput={setPassword} autoComplete="current-password" required />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {isBusy && sync.progress && (
        <p class="muted" role="status">
          {ta('progress', { ...sync.progress })}
        </p>
      )}
      <button class="btn primary block" type="submit" disabled={isBusy}>
        {isBusy ? ta('signingIn') : ta('signIn')}
      </button>
    </form>
  );
}
