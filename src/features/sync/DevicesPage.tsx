// /sync/devices: the unit's phones, and "Thu hồi" for one that is lost or handed over. A
// secretary uses this phone's device token; the admin page opens it as /sync/devices?unit=…
// with the admin's session token.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ts } from '../../sync/i18n';
import { tso } from './online-i18n';
import { accountApi, HttpError, type ApiOptions, type DeviceInfo } from '../../sync/api';
import { formatWhen, roleLabel } from './format';
import { adminSession } from './admin-session';
import './sync.css';
import './sync-screens.css';

interface Target {
  api: ApiOptions;
  unitId: string;
  myDeviceId?: string;
}

export default function DevicesPage() {
  const { query } = useLocation();
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [devices, setDevices] = useState<DeviceInfo[] | undefined>(undefined);
  const [error, setError] = useState('');
  const [canRetry, setCanRetry] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void (async () => {
      const admin = adminSession();
      if (query.unit && admin) {
        setTarget({ api: { baseUrl: '', token: admin }, unitId: query.unit });
        return;
      }
      const { serverLink } = await import('../../sync/sync-queries');
      const link = await serverLink();
      setTarget(link ? { api: { baseUrl: link.baseUrl, token: link.deviceToken }, unitId: link.unitId, myDeviceId: link.deviceId } : null);
    })();
  }, [query.unit]);

  useEffect(() => {
    if (!target) return;
    setError('');
    accountApi
      .listDevices(target.api, target.unitId)
      .then(setDevices)
      .catch((e) => {
        const refused = e instanceof HttpError && e.status === 403;
        setError(refused ? tso('devicesNotAllowed') : tso('loadFailed'));
        setCanRetry(!refused); // a deputy's phone is refused for good: trying again cannot help
      });
  }, [target, tick]);

  const revoke = async (d: DeviceInfo) => {
    if (!target || !confirm(tso('revokeConfirm', { name: d.deviceName || d.deviceId }))) return;
    try {
      await accountApi.revokeDevice(target.api, target.unitId, d.deviceId);
      setTick((n) => n + 1);
    } catch {
      setError(tso('loadFailed'));
    }
  };

  return (
    <main class="page sync-page">
      <a class="back" href={query.unit ? '/admin' : '/sync'}>
        ← {query.unit ? tso('adminTitle') : ts('backToSync')}
      </a>
      <h1>{tso('devicesTitle')}</h1>
      <p class="muted">{tso('devicesIntro')}</p>
      {target === null && <p>{tso('devicesNeedJoin')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}{' '}
          {canRetry && (
            <button class="btn" onClick={() => setTick((n) => n + 1)}>
              {ts('retry')}
            </button>
          )}
        </p>
      )}
      {devices && !devices.length && <p>{tso('devicesNone')}</p>}
      <ul class="conflict-list">
        {devices?.map((d) => (
          <li key={d.deviceId} class="card device">
            <h2>
              {d.deviceName || d.deviceId}
              {d.deviceId === target?.myDeviceId && <span class="badge">{tso('thisDevice')}</span>}
            </h2>
            <p class="small muted">
              {d.role ? roleLabel(d.role) : ''}
              {d.lastSeenAt ? ` · ${tso('lastSeen', { time: formatWhen(d.lastSeenAt) })}` : ''}
            </p>
            {d.revokedAt ? (
              <p class="small warn-text">{tso('revoked', { time: formatWhen(d.revokedAt) })}</p>
            ) : (
              <button class="btn danger" onClick={() => void revoke(d)}>
                {tso('revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
