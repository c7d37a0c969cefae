// A phone's network in the sync tests: a fetch that, per request, delivers, delays, sends
// twice at once, loses the request, or loses the answer after the server committed — and a
// record of every change the server acknowledged (for "no silent loss").
import { gunzipSync } from 'node:zlib';
import type { FetchFn } from '../../../src/sync/api';
import type { Mutation } from '../../../src/protocol/outbox';
import { COLUMNS_FORM, expandColumns, FIELD_COLUMNS_FORM } from '../../../src/protocol/push-columns';
import type { PushResponse } from '../../../src/protocol/sync';

export type Fault = 'deliver' | 'delay' | 'duplicate' | 'dropRequest' | 'dropResponse';
export const FAULTS: readonly Fault[] = ['deliver', 'delay', 'duplicate', 'dropRequest', 'dropResponse'];

export interface Ack {
  mutation: Mutation;
  status: string;
  version?: number;
  deviceId: string;
}

/** Every mutation the server answered applied / conflict (once per mid), across all phones. */
export class AckLog {
  readonly byMid = new Map<string, Ack>();
  record(deviceId: string, mutations: Mutation[], res: PushResponse): void {
    const sent = new Map(mutations.map((m) => [m.mid, m]));
    for (const r of res.results) {
      if (r.status !== 'applied' && r.status !== 'conflict') continue;
      const m = sent.get(r.mid);
      if (m && !this.byMid.has(r.mid)) this.byMid.set(r.mid, { mutation: m, status: r.status, version: r.version, deviceId });
    }
  }
}

export class Network {
  offline = false;
  /** the fault for the next requests (tests set it per sync) */
  fault: Fault = 'deliver';
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;

  constructor(private deviceId: string, private acks?: AckLog, private random: () => number = Math.random) {}

  readonly fetch: FetchFn = async (input, init) => {
    if (this.offline) throw new TypeError('Failed to fetch (offline)');
    this.requests++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const send = async () => {
        const res = await fetch(input, init);
        const text = await res.text();
        if (res.ok && input.endsWith('/push') && this.acks && init?.body) {
          // a batch in the columns form (src/protocol/push-columns.ts) as the plain one it stands for
          const body = JSON.parse(bodyText(init.body)) as Record<string, unknown>;
          const plain = body.form === COLUMNS_FORM || body.form === FIELD_COLUMNS_FORM ? expandColumns(body) : (body as unknown as { mutations: Mutation[] });
          this.acks.record(this.deviceId, plain.mutations, JSON.parse(text) as PushResponse);
        }
        return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
      };
      switch (this.fault) {
        case 'dropRequest':
          throw new TypeError('Failed to fetch (request lost)');
        case 'dropResponse':
          await send();
          throw new TypeError('Failed to fetch (answer lost)');
        case 'duplicate': {
          const [a] = await Promise.all([send(), send()]);
          return a;
        }
        case 'delay':
          await new Promise((r) => setTimeout(r, Math.floor(this.random() * 25)));
          return send();
        default:
          return send();
      }
    } finally {
      this.inFlight--;
    }
  };
}

/** A request body as text (push batches above 2 KB travel gzip-compressed). */
export function bodyText(body: BodyInit): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return gunzipSync(body).toString('utf8');
  throw new Error('unexpected body type');
}
