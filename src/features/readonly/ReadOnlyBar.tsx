// What a phone that may only read its unit's book (a viewer, or the level above's supervisor)
// shows on every unit screen: a slim bar naming the unit (the supervisor's with a way back to
// the level above), and, on a route that only writes (edit-only.ts), a notice in place of the
// screen. Loaded by the sync chip (SyncIndicator) on a phone joined to a server; for a role
// that keeps the book it does nothing. Not precached (cached when first loaded, so a viewer's
// phone, which joined with signal, has it offline after that). It sets data-ro on <html>: its
// CSS (readonly.css) then hides every edit control of the screens, marked with class "w". The bar sits between the top bar and the screen: the chip lives in the top bar,
// so the bar is rendered there with render() (links still route: preact-iso listens to
// clicks on the window).
import { render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { writesBook } from '../../protocol/permissions';
import { tr } from './i18n';
import { isEditOnly, isUnitScreen } from './edit-only';
import type { ReadOnlyProps } from '.';
import './readonly.css';


export function ReadOnly(props: ReadOnlyProps) {
  return writesBook(props.role) ? null : <ReadOnlyBar role={props.role!} unitName={props.unitName} />;
}

function ReadOnlyBar({ role, unitName }: ReadOnlyProps & { role: string }) {
  const { path, route } = useLocation();
  const [root] = useState(() => document.createElement('div'));
  const unit = isUnitScreen(path);
  const blocked = unit && isEditOnly(path);

  useLayoutEffect(() => {
    const html = document.documentElement;
    html.setAttribute('data-ro', role);
    document.querySelector('.content')?.before(root);
    return () => {
      html.removeAttribute('data-ro');
      root.remove();
    };
  }, [role]);

  // The screen under the notice stays mounted (the router owns it) but hidden: nothing of a
  // form a reader cannot save is seen, focused or typed into.
  useLayoutEffect(() => {
    const content = document.querySelector<HTMLElement>('.content');
    if (content) content.hidden = blocked;
    return () => {
      if (content) content.hidden = false;
    };
  }, [blocked]);

  useEffect(() => {
    const back = () => (history.length > 1 ? history.back() : route('/'));
    render(unit ? <Bar role={role} unitName={unitName} blocked={blocked} onBack={back} /> : null, root);
  });
  useEffect(() => () => render(null, root), []);
  return null;
}

function Bar({ role, unitName, blocked, onBack }: ReadOnlyProps & { blocked: boolean; onBack: () => void }) {
  const above = role === 'supervisor';
  return (
    <>
      <div class="ro-bar" role="status">
        <span class="ro-bar-text">{tr(above ? 'supervisor' : 'viewer', { unit: unitName })}</span>
        {above && (
          <a href="/above" class="ro-bar-up">
            {tr('toAbove')}
          </a>
        )}
      </div>
      {blocked && (
        <main class="page ro-notice" role="alert">
          <h1>{tr('noticeTitle')}</h1>
          <p>{tr('notice', { unit: unitName })}</p>
          <div class="row">
            <button type="button" class="btn" onClick={onBack}>
              {tr('back')}
            </button>
            {above && (
              <a href="/above" class="btn">
                {tr('toAbove')}
              </a>
            )}
          </div>
        </main>
      )}
    </>
  );
}
