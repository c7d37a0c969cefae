// Which forms hold unsaved edits. The update prompt and the lazy-chunk reload ask here
// before reloading (RELIABILITY.md 16: an update never throws away a half-filled form), and
// while any form is dirty the browser asks before the page is closed or reloaded.
// A tap on a link of the app (the bottom bar, a back link) asks too: found in use, the bottom
// bar threw a half-filled activity away without a word. Part of the shell bundle: keep it tiny.
//
// A form calls markDirty(id, true) on its first edit and markDirty(id, false) after saving,
// on cancel, and when it unmounts. A form that saves itself when its screen goes (the minutes
// and the report autosave, with a local copy) passes savesOnLeave: a link does not ask for it
// (found in use: "bỏ các thay đổi?" within 400 ms of typing, though leaving would save).

import { t } from '../i18n';

const dirtyForms = new Set<string>();
const savesOnLeave = new Set<string>();
const listeners = new Set<() => void>();

function guardUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older Chromium and Safari need returnValue set to show the dialog.
  e.returnValue = '';
}

/** Capture phase, before the router's own click handler: a kept form stops the navigation. */
function guardLinks(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!a || a.origin !== location.origin || a.target || a.hasAttribute('download') || a.getAttribute('href')!.startsWith('#')) return;
  if ([...dirtyForms].every((id) => savesOnLeave.has(id))) return;
  if (confirm(t('common.unsavedChanges'))) return;
  e.preventDefault();
  e.stopPropagation();
}

export function markDirty(formId: string, dirty: boolean, savesItselfOnLeave = false): void {
  const wasDirty = dirtyForms.size > 0;
  if (dirty) dirtyForms.add(formId);
  else dirtyForms.delete(formId);
  if (dirty && savesItselfOnLeave) savesOnLeave.add(formId);
  else savesOnLeave.delete(formId);
  const isDirty = dirtyForms.size > 0;
  if (wasDirty === isDirty) return;
  if (typeof window !== 'undefined') {
    if (isDirty) {
      window.addEventListener('beforeunload', guardUnload);
      window.addEventListener('click', guardLinks, true);
    } else {
      window.removeEventListener('beforeunload', guardUnload);
      window.removeEventListener('click', guardLinks, true);
    }
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
