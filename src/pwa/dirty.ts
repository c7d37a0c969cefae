// Which forms hold unsaved edits. The update prompt and the lazy-chunk reload ask here
// before reloading (RELIABILITY.md 16: an update never throws away a half-filled form), and
// while any form is dirty the browser asks before the page is closed or reloaded.
// Part of the shell bundle: keep it tiny.
//
// A form calls markDirty(id, true) on its first edit and markDirty(id, false) after saving,
// on cancel, and when it unmounts.

const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();

function guardUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older Chromium and Safari need returnValue set to show the dialog.
  e.returnValue = '';
}

export function markDirty(formId: string, dirty: boolean): void {
  const wasDirty = dirtyForms.size > 0;
  if (dirty) dirtyForms.add(formId);
  else dirtyForms.delete(formId);
  const isDirty = dirtyForms.size > 0;
  if (wasDirty === isDirty) return;
  if (typeof window !== 'undefined') {
    if (isDirty) window.addEventListener('beforeunload', guardUnload);
    else window.removeEventListener('beforeunload', guardUnload);
  }
  for (const fn of listeners) fn();
}

export function isAnyFormDirty(): boolean {
  return dirtyForms.size > 0;
}

/** Called when the registry goes from clean to dirty or back. */
export function onDirtyChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
