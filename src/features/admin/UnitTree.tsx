// The units as a tree: a form to create a unit (at the top or under a chosen parent) and one
// card per unit, indented under its parent (UnitNode). Used by AdminHome.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiOptions } from '../../sync/api';
import { SelectField, TextField } from '../../ui/fields';
import { adminApi, type AdminUnit } from './admin-api';
import type { AdminData, Run } from './AdminHome';
import { ta } from './i18n';
import { treeRows } from './unit-tree';
import { parentOptions } from './parent-options';
import { UnitNode } from './UnitNode';

interface Props {
  data: AdminData;
  api: ApiOptions;
  run: Run;
  unitExtra?: (unit: AdminUnit) => ComponentChildren;
}

export function UnitTree({ data, api, run, unitExtra }: Props) {
  const rows = treeRows(data.units);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [parentUnit, setParentUnit] = useState('');
  const [inCharge, setInCharge] = useState('');
  const [nameError, setNameError] = useState('');

  const create = async (e: Event) => {
    e.preventDefault();
    if (name.trim().length < 2) return setNameError(ta('errName'));
    setNameError('');
    const unit = {
      name: name.trim(),
      ...(parentId ? { parentId } : parentUnit.trim() ? { parentUnit: parentUnit.trim() } : {}),
      ...(inCharge.trim() ? { inCharge: inCharge.trim() } : {}),
    };
    if (await run(() => adminApi.createUnit(api, unit))) {
      setName('');
      setParentUnit('');
      setInCharge('');
    }
  };

  return (
    <section aria-labelledby="admin-tree">
      <form class="card" onSubmit={create} noValidate>
        <h2>{ta('newUnit')}</h2>
        <TextField id="unit-name" label={ta('unitName')} value={name} onInput={setName} error={nameError} required />
        <SelectField id="unit-parent-id" label={ta('parentOf')} value={parentId} onChange={setParentId} options={parentOptions(rows)} />
        {!parentId && <TextField id="unit-parent" label={ta('parentUnit')} hint={ta('parentUnitHint')} value={parentUnit} onInput={setParentUnit} />}
        <TextField id="unit-in-charge" label={ta('inCharge')} hint={ta('inChargeHint')} value={inCharge} onInput={setInCharge} />
        <button class="btn primary block" type="submit">
          {ta('create')}
        </button>
      </form>
      <h2 id="admin-tree">{ta('treeTitle')}</h2>
      {rows.length ? <p class="small muted">{ta('treeIntro')}</p> : <p class="muted">{ta('unitsNone')}</p>}
      <ul class="conflict-list">
        {rows.map((r) => (
          <UnitNode key={r.unit.id} row={r} rows={rows} data={data} api={api} run={run} extra={unitExtra?.(r.unit)} />
        ))}
      </ul>
    </section>
  );
}
