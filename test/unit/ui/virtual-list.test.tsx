// @vitest-environment jsdom
// The virtual list's first render (issue 13, B9): only the rows a screen's height can show,
// and the margin below; the measured window follows a frame later. Every row it lays out
// before the first frame is paid for by the phone before anything is seen.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { firstWindow, VirtualList } from '../../../src/ui/VirtualList';

afterEach(cleanup);

const items = Array.from({ length: 5000 }, (_, i) => ({ id: `m${i}` }));

describe('VirtualList', () => {
  it('renders a screen of rows first, then the measured window with its margin', () => {
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 740 });
    Object.defineProperty(window.screen, 'height', { configurable: true, value: 740 });
    const renders: number[][] = [];
    render(
      <VirtualList
        items={items}
        rowHeight={64}
        getKey={(m) => m.id}
        label="Đoàn viên"
        renderRow={(m, i) => {
          if (i === 0) renders.push([]);
          renders[renders.length - 1].push(i);
          return <span>{m.id}</span>;
        }}
      />,
    );
    // 740 / 64 → 12 rows, no margin yet (B3: laid out and painted before anything shows).
    expect(renders[0]).toEqual(Array.from({ length: 12 }, (_, i) => i));
    // Measured (the list's top at the window's top): the 12 rows it shows and 8 below.
    const list = screen.getByRole('list', { name: 'Đoàn viên' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(list.parentElement!.style.height).toBe(`${5000 * 64}px`);
  });

  /** The list with its top `top` px from the window's top (negative: scrolled past), measured again. */
  function placedAt(top: number) {
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 740 });
    Object.defineProperty(window.screen, 'height', { configurable: true, value: 740 });
    const proto = HTMLDivElement.prototype;
    const real = proto.getBoundingClientRect;
    proto.getBoundingClientRect = () => ({ top }) as DOMRect;
    try {
      render(<VirtualList items={items} rowHeight={64} getKey={(m) => m.id} label="Đoàn viên" renderRow={(m) => <span>{m.id}</span>} />);
    } finally {
      proto.getBoundingClientRect = real;
    }
    return within(screen.getByRole('list', { name: 'Đoàn viên' }))
      .queryAllByRole('listitem')
      .map((li) => Number(li.textContent!.slice(1)));
  }

  it('under a title, search and filters: the rows from the top of the list to the bottom of the window, and 8 below (B5)', () => {
    // 740 - 200 = 540 px of list on screen: 9 rows, and 8 below; not 28.
    expect(placedAt(200)).toEqual(Array.from({ length: 17 }, (_, i) => i));
  });

  it('scrolled into the list: 8 rows above the window, the 12 in it, 8 below', () => {
    // 100 rows scrolled past the top: rows 100–111 on screen.
    expect(placedAt(-6400)).toEqual(Array.from({ length: 28 }, (_, i) => 92 + i));
  });

  it('a list below the window draws none until it is scrolled near', () => {
    expect(placedAt(740 + 9 * 64)).toEqual([]);
  });

  it('never renders more than the items', () => {
    expect(firstWindow(60, 740)).toBe(13);
    expect(firstWindow(60, 0)).toBe(14);
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 740 });
    render(<VirtualList items={items.slice(0, 5)} rowHeight={60} getKey={(m) => m.id} label="Ít" renderRow={(m) => <span>{m.id}</span>} />);
    expect(within(screen.getByRole('list', { name: 'Ít' })).getAllByRole('listitem')).toHaveLength(5);
  });
});
