// The committee's form screens mounted at an address, with the roster they go back to (a stand-in
// unless a test needs the real one).
import type { ComponentType } from 'preact';
import { render } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import TermFormPage from '../../../src/features/committee/TermFormPage';
import SeatFormPage from '../../../src/features/committee/SeatFormPage';

export function mountAt(url: string, Roster: ComponentType = () => <p>roster</p>) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/committee" component={Roster} />
        <Route path="/committee/term" component={TermFormPage} />
        <Route path="/committee/seat" component={SeatFormPage} />
      </Router>
    </LocationProvider>,
  );
}
