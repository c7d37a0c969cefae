// The sync endpoints over HTTP, for the engine only: it loads with the engine, not with the
// precached screens that talk to the server through api.ts.
import { PAGE_BYTES_HEADER } from '../protocol/pull-pages';
import { SPARSE_VERSIONS_HEADER, SPARSE_VERSIONS_VALUE } from '../protocol/sparse-versions';
import type { PullResponse, PushResponse } from '../protocol/sync';
import { FIELD_COLUMNS_PULL, fromPullColumns, PULL_FORM_HEADER, type PullColumns } from '../protocol/pull-columns';
import { apiRequest, type ApiOptions, type FetchFn, type ServerConflict, type SyncTransport } from './api';

export function httpTransport(server: { baseUrl: string; unitId: string; deviceToken: string }, extra: { fetch?: FetchFn; timeoutMs?: number } = {}): SyncTransport {
  const opts: ApiOptions = { baseUrl: server.baseUrl, token: server.deviceToken, ...extra };
  const unit = `/units/${encodeURIComponent(server.unitId)}`;
  return {
    push: (req) => apiRequest<PushResponse>(opts, 'POST', `${unit}/push`, req),
    // Rows may come with sparse versions (src/protocol/sparse-versions.ts); apply.ts reads both.
    // and pages filled by bytes where the engine asks (src/protocol/pull-pages.ts).
    // and in the field-columns form where the server knows it (src/protocol/pull-columns.ts).
    pull: async (req, page) => {
      const res = await apiRequest<PullResponse & { cols?: PullColumns }>(opts, 'POST', `${unit}/pull`, req, {
        [SPARSE_VERSIONS_HEADER]: SPARSE_VERSIONS_VALUE,
        [PULL_FORM_HEADER]: FIELD_COLUMNS_PULL,
        ...(page?.bytes ? { [PAGE_BYTES_HEADER]: String(page.bytes) } : {}),
      });
      if (!res || typeof res !== 'object' || !('cols' in res)) return res;
      const { cols, ...rest } = res;
      return { ...rest, rows: fromPullColumns(cols as PullColumns) };
    },
    openConflicts: async () => {
      const body = await apiRequest<ServerConflict[] | { conflicts: ServerConflict[] }>(opts, 'GET', `${unit}/conflicts?status=open`);
      return Array.isArray(body) ? body : (body?.conflicts ?? []);
    },
    resolveConflict: async (id, req) => {
      await apiRequest<unknown>(opts, 'POST', `${unit}/conflicts/${encodeURIComponent(id)}/resolve`, req);
    },
  };
}
