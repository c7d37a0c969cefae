// @vitest-environment jsdom
// The shell's boot (src/main.tsx): its modules are evaluated in one task and the app is
// rendered in the next. Together they were the longest task of a cold start (82-260 ms at 4×
// CPU on the year screens, issue 13 B9); index.html's top bar is on screen meanwhile.
import { describe, expect, it, vi } from 'vitest';

vi.mock('preact', async (actual) => {
  const preact = await actual<typeof import('preact')>();
  return { ...preact, render: vi.fn(preact.render) };
});

describe('boot', () => {
  it('renders the app in a task after the one that loaded the shell', async () => {
    document.body.innerHTML = '<div id="app"><div class="shell"><header class="topbar"><a href="/" class="brand">Sổ Chi Đoàn</a></header></div></div>';
    const { render } = await import('preact');
    await import('../../../src/main');
    expect(performance.getEntriesByName('scd:boot')).toHaveLength(1);
    expect(render).not.toHaveBeenCalled();
    expect(document.querySelector('.brand')?.textContent).toBe('Sổ Chi Đoàn');
    await new Promise((r) => setTimeout(r, 0));
    expect(render).toHaveBeenCalledTimes(1);
    expect(vi.mocked(render).mock.calls[0][1]).toBe(document.getElementById('app'));
    // Unmounted, and the effects' timers run out while the page is still here.
    render(null, document.getElementById('app')!);
    await new Promise((r) => setTimeout(r, 200));
  });
});
