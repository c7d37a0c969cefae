// One unit of the tree: its phụ trách and the supervisor accounts that watch it (directly or
// through a unit above), "Thêm đơn vị trực thuộc" (a child unit here) and "Sửa" (name, phụ
// trách, move under another parent — never under itself or a unit below it).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiOptions } from '../../sync/api';
import { SelectField, TextField } from '../../ui/fields';
import { adminApi, type AdminUnit } from './admin-api';
import type { AdminData, Run } from './AdminHome';
import { ta } from './i18n';
import { ancestors, unitAndBelow, type TreeRow } from './unit-tree';
import { parentOptions } from './parent-options';
import * as css from './styles';

interface Props {
  row: TreeRow<AdminUnit>;
  rows: readonly TreeRow<AdminUnit>[];
  data: AdminData;
  api: ApiOptions;
  run: Run;
  extra?: ComponentChildren;
}

/** "giam.sat.a, giam.sat.b (qua Đoàn phường 7)" */
function watchers(data: AdminData, unit: AdminUnit): string[] {
  const above = ancestors(data.units, unit.id);
  return data.accounts
    .filter((a) => a.role === 'supervisor')
    .flatMap((a) => {
      if (a.unitIds.includes(unit.id)) return [a.username];
      const via = above.find((u) => a.unitIds.includes(u.id));
      return via ? [ta('viaParent', { name: a.username, unit: via.name })] : [];
    });
}

export function UnitNode({ row, rows, data, api, run, extra }: Props) {
  const { unit, depth } = row;
  const [mode, setMode] = useState<'view' | 'child' | 'edit'>('view');
  const [name, setName] = useState('');
  const [inCharge, setInCharge] = useState('');
  const [parentId, setParentId] = useState('');
  const [nameError, setNameError] = useState('');
  const id = (field: string) => `${field}-${unit.id}`;
  const who = watchers(data, unit);

  const open = (next: 'child' | 'edit') => {
    setMode(next);
    setNameError('');
    setName(next === 'edit' ? unit.name : '');
    setInCharge(next === 'edit' ? (unit.inCharge ?? '') : '');
    setParentId(unit.parentId ?? '');
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (name.trim().length < 2) return setNameError(ta('errName'));
    const done =
      mode === 'child'
        ? await run(() => adminApi.createUnit(api, { name: name.trim(), parentId: unit.id, ...(inCharge.trim() ? { inCharge: inCharge.trim() } : {}) }))
        : await run(() => adminApi.changeUnit(api, unit.id, { name: name.trim(), inCharge: inCharge.trim(), ...((parentId || undefined) !== unit.parentId ? { parentId: parentId || null } : {}) }));
    if (done) setMode('view');
  };

  return (
    <li class="card unit tree-unit" aria-label={unit.name} data-depth={depth} style={css.indent(depth)}>
      <h3 style={css.title}>{unit.name}</h3>
      {!unit.parentId && unit.parentUnit && (
        <p class="small muted" style={css.line}>
          {ta('parentUnitOf', { name: unit.parentUnit })}
        </p>
      )}
      <p class="small" style={css.line}>
        {unit.inCharge ? ta('inChargeOf', { name: unit.inCharge }) : ta('noInCharge')}
      </p>
      <p class="small muted" style={css.line}>{who.length ? ta('watchedBy', { names: who.join(', ') }) : ta('watchedByNone')}</p>
      {mode === 'view' ? (
        <div style={css.actions}>
          <button class="btn" type="button" style={css.wrapping} onClick={() => open('child')}>
            {ta('addChild')}
          </button>
          <button class="btn" type="button" onClick={() => open('edit')}>
            {ta('edit')}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <h4>{mode === 'child' ? ta('childOf', { unit: unit.name }) : ta('editUnit')}</h4>
          <TextField id={id('name')} label={ta('unitName')} hint={mode === 'edit' ? ta('renameHint') : undefined} value={name} onInput={setName} error={nameError} required />
          <TextField id={id('in-charge')} label={ta('inCharge')} hint={ta('inChargeHint')} value={inCharge} onInput={setInCharge} />
          {mode === 'edit' && (
            <SelectField id={id('parent')} label={ta('moveUnder')} value={parentId} onChange={setParentId} options={parentOptions(rows, unitAndBelow(data.units, unit.id))} />
          )}
          <div class="row">
            <button class="btn primary" type="submit">
              {mode === 'child' ? ta('createChild') : ta('save')}
            </button>
            <button class="btn" type="button" onClick={() => setMode('view')}>
              {ta('cancel')}
            </button>
          </div>
        </form>
      )}
      {extra}
    </li>
  );
}
