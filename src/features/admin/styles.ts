// The admin tree's few styles, inline: a stylesheet of its own would be one more CSS file
// named in the precached hop to /admin's chunk (bytes in the precache); these ride in the chunk.
import type { JSX } from 'preact';

type Style = JSX.CSSProperties;

/** A flat list indented by depth (a nested list would make a parent's card hold its children's
 *  buttons), capped so a deep tree still fits 360 px. */
export const indent = (depth: number): Style => ({
  marginLeft: `${Math.min(depth, 4) * 0.9}rem`,
  ...(depth > 0 ? { borderLeft: '3px solid var(--line)' } : {}),
});
export const title: Style = { margin: '0 0 0.25rem' };
export const line: Style = { margin: '0.25rem 0' };
/** "Thêm đơn vị trực thuộc" and "Sửa" side by side at 360 px (the long one wraps inside). */
export const actions: Style = { display: 'grid', gridTemplateColumns: '1fr auto', gap: '0.5rem' };
export const wrapping: Style = { whiteSpace: 'normal' };
export const checks: Style = { listStyle: 'none', padding: 0, margin: '0.5rem 0' };
export const checkLabel: Style = { display: 'flex', alignItems: 'center', gap: '0.5rem', minHeight: '44px' };
export const checkBox: Style = { width: '1.25rem', height: '1.25rem', flex: 'none' };
