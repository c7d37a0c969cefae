// @vitest-environment jsdom
// The bottom navigation shows only on a phone with a unit: on a supervisor's phone (/above) or
// in the first run every tab bounced back (found in use).
import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { Shell } from '../../../src/app/Shell';

afterEach(() => cleanup());

test('tabs on a unit’s phone, none on a phone with no unit', () => {
  history.replaceState(null, '', '/above');
  const none = render(<LocationProvider><Shell hasUnit={false}><p>Cấp trên</p></Shell></LocationProvider>);
  expect(none.container.querySelector('nav.bottomnav')).toBeNull();
  cleanup();
  history.replaceState(null, '', '/members');
  const some = render(<LocationProvider><Shell hasUnit={true}><p>Đoàn viên</p></Shell></LocationProvider>);
  expect([...some.container.querySelectorAll('nav.bottomnav a')].map((a) => a.getAttribute('href'))).toEqual(['/', '/members', '/meetings', '/dues', '/settings']);
});
