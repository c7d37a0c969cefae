// Storage that is not evicted: ask navigator.storage.persist() after the first saved record
// (RELIABILITY.md: storage evicted because persist() was never asked), and report usage.

let asked = false;

export async function requestPersistOnce(): Promise<boolean | undefined> {
  if (asked || typeof navigator === 'undefined' || !navigator.storage?.persist) return undefined;
  asked = true;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export interface StorageInfo {
  usage?: number;
  quota?: number;
  isPersisted?: boolean;
}

export async function storageInfo(): Promise<StorageInfo> {
  if (typeof navigator === 'undefined' || !navigator.storage) return {};
  const [est, isPersisted] = await Promise.all([
    navigator.storage.estimate?.() ?? Promise.resolve(undefined),
    navigator.storage.persisted?.() ?? Promise.resolve(undefined),
  ]);
  return { usage: est?.usage, quota: est?.quota, isPersisted };
}
