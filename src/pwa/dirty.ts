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
// The phone's Back button (history back/forward, a popstate the router turns into a screen)
// asks the same (found by a tester: Back threw a half-filled form away without a word).

import { t } from '../i18n';

const dirtyForms = new Set<string>();
const savesOnLeave = new Set<string>();
const listeners = new Set<() => void>();
/** Where the form was last edited: the address put back when the secretary stays. */
let formUrl = '';

/** Nothing would be lost (no form, or only forms that save themselves), or the secretary says go. */
const mayLeave = (): boolean => [...dirtyForms].every((id) => savesOnLeave.has(id)) || confirm(t('common.unsavedChanges'));

function guardUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older Chromium and Safari need returnValue set to show the dialog.
  e.returnValue = '';
}

/** Capture phase, before the router's own click handler: a kept form stops the navigation. */
function guardLinks(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!a || a.origin !== location.origin || a.target || a.hasAttribute('download') || a.getAttribute('href')!.startsWith('#')) return;
  if (mayLeave()) return;
  e.preventDefault();
  e.stopPropagation();
}

/**
 * Back/forward has already moved the address when popstate comes; the router (preact-iso)
 * renders it from its own popstate listener. This one is added when the shell's modules are
 * evaluated, before the router mounts, and in the capture phase: it runs first. Staying stops
 * the event before the router sees it and puts the form's address back (one entry, where the
 * form's was: a back press leaves no extra entry; forward ones are lost). Added once: while
 * nothing is dirty it only returns.
 */
function guardBack(e: PopStateEvent): void {
  if (location.href === formUrl || mayLeave()) return void (formUrl = location.href);
  e.stopImmediatePropagation();
  history.pushState(null, '', formUrl);
}
if (typeof window !== 'undefined') window.addEventListener('popstate', guardBack, true);

export function markDirty(formId: string, dirty: boolean, savesItselfOnLeave = false): void {
  if (dirty && !savesItselfOnLeave && typeof location != 'undefined') formUrl = location.href;
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
