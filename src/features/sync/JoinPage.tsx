// /join: "Tham gia đơn vị" with an invite code (typed, or prefilled from the QR's link
// /join?code=…). A phone that has its unit pushes what it recorded; a new phone receives
// the unit. It joins the server that served the app: our CSP (connect-src 'self') lets the
// app talk to no other, so there is no "server address" to type (README, "Sync server").
import { isChunkLoadError } from '../../lib/chunk-error';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ts } from '../../sync/i18n';
import { tso } from './online-i18n';
import { getCurrentUnitId } from '../../data/prefs';
import { TextField } from '../../ui/fields';
import { HttpError, NetworkError } from '../../sync/api';
import './sync.css';
import './sync-screens.css';

export default function JoinPage() {
  const { query, route } = useLocation();
  const [code, setCode] = useState(query.code ?? '');
  const [deviceName, setDeviceName] = useState('');
  const [hasUnit, setHasUnit] = useState<boolean | undefined>(undefined);
  const [errors, setErrors] = useState<{ code?: string; name?: string; form?: string }>({});
  const [isJoining, setJoining] = useState(false);
  const [done, setDone] = useState('');

  useEffect(() => void getCurrentUnitId().then((id) => setHasUnit(!!id)), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!code.trim()) errs.code = tso('errRequiredCode');
    if (!deviceName.trim()) errs.name = tso('errRequiredName');
    setErrors(errs);
    if (errs.code || errs.name) return;
    setJoining(true);
    try {
      const { joinUnit } = await import('../../sync/join-repo');
      const res = await joinUnit({ code, deviceName, baseUrl: '' });
      setDone(tso('joined', { unit: res.unitName }));
      const { syncNow } = await import('../../sync/app-sync');
      await syncNow().catch(() => undefined);
      // A new phone lands on its unit's home (found in use: the technical sync screen was the
      // first thing a deputy saw); a phone that had its unit sees its records go up on /sync.
      route(hasUnit === false ? '/' : '/sync');
    } catch (err) {
      setErrors({ form: joinError(err) });
    } finally {
      setJoining(false);
    }
  };

  return (
    <main class="page sync-page">
      <h1>{tso('joinTitle')}</h1>
      <p class="muted">{hasUnit === false ? tso('joinIntroNew') : tso('joinIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField id="join-code" label={ts('code')} value={code} onInput={setCode} hint={tso('codeHint')} error={errors.code} autoComplete="one-time-code" required />
        <TextField id="join-name" label={tso('deviceName')} value={deviceName} onInput={setDeviceName} hint={tso('deviceNameHint')} error={errors.name} required />
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        {done && (
          <p class="ok" role="status">
            {done}
          </p>
        )}
        <button class="btn primary block" type="submit" disabled={isJoining}>
          {isJoining ? tso('joining') : tso('join')}
        </button>
      </form>
    </main>
  );
}

function joinError(err: unknown): string {
  // the join's own code comes with the tap; offline before it was ever fetched, that fails too
  if (err instanceof NetworkError || isChunkLoadError(err)) return tso('errOffline');
  if (err instanceof HttpError) {
    if (err.code === 'invalid_code') return tso('errCode');
    if (err.code === 'device_exists') return tso('errDeviceExists');
    if (err.status === 429) return tso('errRateLimited');
    return tso('errGeneric', { message: err.message });
  }
  return tso('errGeneric', { message: String((err as Error)?.message ?? err) });
}
