// The admin's calls to the server's tree and accounts endpoints (docs/sync-api.md). Through
// the app's one JSON client (src/sync/api.ts): same errors, timeout and headers.
import { apiRequest, type ApiOptions } from '../../sync/api';
import type { TreeUnit } from './unit-tree';

export interface AdminUnit extends TreeUnit {
  createdAt?: string;
}

export interface AdminAccount {
  id: string;
  username: string;
  role: 'admin' | 'supervisor';
  /** assigned directly; their children are covered through the tree */
  unitIds: string[];
  createdAt: string;
}

export interface NewUnit {
  name: string;
  parentId?: string;
  parentUnit?: string;
  inCharge?: string;
}

export interface UnitChange {
  name?: string;
  parentId?: string | null;
  inCharge?: string;
}

const unitPath = (id: string) => `/units/${encodeURIComponent(id)}`;

export const adminApi = {
  units: (o: ApiOptions) => apiRequest<AdminUnit[]>(o, 'GET', '/units'),
  createUnit: (o: ApiOptions, unit: NewUnit) => apiRequest<AdminUnit>(o, 'POST', '/units', unit),
  changeUnit: (o: ApiOptions, id: string, change: UnitChange) => apiRequest<AdminUnit>(o, 'PATCH', unitPath(id), change),
  accounts: (o: ApiOptions) => apiRequest<AdminAccount[]>(o, 'GET', '/accounts'),
  createSupervisor: (o: ApiOptions, username: string, password: string, unitIds: string[]) =>
    apiRequest<AdminAccount>(o, 'POST', '/accounts', { username, password, role: 'supervisor', unitIds }),
  assignUnits: (o: ApiOptions, accountId: string, unitIds: string[]) =>
    apiRequest<AdminAccount>(o, 'PUT', `/accounts/${encodeURIComponent(accountId)}/units`, { unitIds }),
};
