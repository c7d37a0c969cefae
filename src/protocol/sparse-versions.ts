// Pulled rows with "sparse versions" (issue 13, B6 bytes): a field of `fields` that has no entry
// in `versions` was written at the row's own `version`. A new record (every field written at
// once) then travels with `versions: {}` — 124 → ~65 bytes per member on the wire (gzip), since
// the map repeats every field name with one number. The phone asks for it with the request
// header below; a server that does not know the header sends every version, which the same
// reading handles (explicit entries always win), so neither side has to upgrade first.
export const SPARSE_VERSIONS_HEADER = 'X-Scd-Versions';
export const SPARSE_VERSIONS_VALUE = 'sparse';

/** The version of each field of a pulled row, sparse or whole (the phone's reading). */
export function fieldVersions(fields: Record<string, unknown>, versions: Record<string, number>, version: number): Record<string, number> {
  const out: Record<string, number> = { ...versions };
  for (const k of Object.keys(fields)) if (!(k in out)) out[k] = version;
  return out;
}

/**
 * The server's side, on the stored JSON texts: the versions entries a sparse answer needs
 * (those of keys not in `fields`, and those written before the row's version).
 */
export function sparseVersionsJson(fieldsJson: string | (() => string), versionsJson: string, version: number): string {
  const versions = JSON.parse(versionsJson) as Record<string, number>;
  let fields: Record<string, unknown> | undefined;
  const out: Record<string, number> = {};
  let dropped = false;
  for (const [k, v] of Object.entries(versions)) {
    // the fields are parsed only when an entry might go (a text, or a function giving it)
    if (v === version && Object.hasOwn((fields ??= JSON.parse(typeof fieldsJson === 'string' ? fieldsJson : fieldsJson()) as Record<string, unknown>), k)) dropped = true;
    else out[k] = v;
  }
  return dropped ? JSON.stringify(out) : versionsJson;
}
