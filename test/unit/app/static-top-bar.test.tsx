// @vitest-environment jsdom
// index.html holds the top bar as the shell first paints it, so it is on screen with the
// stylesheet before the shell's script loads (issue 13, B2 first paint). It must stay what the
// shell renders — same nodes, classes and words — or the first render would swap it for a
// different bar, and the script-less paint would show one the app never shows. The shell's first
// render must also take those nodes over rather than add a second bar beside them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { App } from '../../../src/app/App';
import { TopBar } from '../../../src/app/Shell';

const html = readFileSync(join(__dirname, '../../../index.html'), 'utf8');
const staticApp = /<div id="app">(.*?)<\/div>\s*<script/s.exec(html)?.[1] ?? '';

afterEach(() => cleanup());

describe('the top bar in index.html', () => {
  it('is the markup of the shell around TopBar, as the shell renders it while IndexedDB is asked', () => {
    expect(staticApp).not.toBe('');
    const { container } = render(
      <div class="shell">
        <TopBar />
      </div>,
    );
    expect(container.innerHTML).toBe(staticApp);
  });

  it('is taken over by the first render: one bar, one brand link, the screen below it', async () => {
    const root = document.createElement('div');
    root.innerHTML = staticApp;
    document.body.append(root);
    render(<App />, { container: root });
    await waitFor(() => expect(root.querySelectorAll('nav.bottomnav, .content').length).toBeGreaterThan(0), { timeout: 5000 });
    expect(root.querySelectorAll('header.topbar')).toHaveLength(1);
    expect(root.querySelectorAll('a.brand')).toHaveLength(1);
    root.remove();
  });
});
