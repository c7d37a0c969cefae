// The choices of a unit's parent in the admin's forms: the top, then the tree, indented.
import type { AdminUnit } from './admin-api';
import { ta } from './i18n';
import type { TreeRow } from './unit-tree';

/** The parent choices: the top, then every unit indented as in the tree. */
export function parentOptions(rows: readonly TreeRow<AdminUnit>[], leaveOut: ReadonlySet<string> = new Set()) {
  return [
    { value: '', label: ta('topLevel') },
    ...rows.filter((r) => !leaveOut.has(r.unit.id)).map((r) => ({ value: r.unit.id, label: `${'\u2003'.repeat(r.depth)}${r.unit.name}` })),
  ];
}
