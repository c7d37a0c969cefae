// Line icons: 24×24 paths stroked in the text colour (app.css .icon), not emoji, which show as
// empty boxes where no emoji font is installed. Part of the shell bundle (the bottom
// navigation draws with it): only paths used in more than one place belong here; a screen's
// own icon stays in its chunk and is passed as `d`.

export const ICON_CALENDAR = 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4';
/** the roll's check mark: Home, a meeting, an activity */
export const ICON_CHECK = 'M4 12l5 5L20 6';

export function Icon({ d }: { d: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
