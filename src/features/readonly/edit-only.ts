// The routes that only write (forms, the roll, collecting, import, settings of the unit): on a
// phone that may only read the unit's book they show the read-only notice instead of a form
// whose saving would be refused (src/data/commit.ts, err.readOnly). Screens that mostly show
// the book stay open; their edit controls carry class "w", hidden by the shell's CSS
// (src/app/app.css, [data-ro] .w).
const EDIT_ONLY: RegExp[] = [
  /^\/(members|meetings|activities|projects|year\/targets)\/new$/,
  /^\/(members|meetings|activities|projects|year\/targets)\/[^/]+\/edit$/,
  /^\/(meetings|activities|projects)\/[^/]+\/roll$/,
  /^\/meetings\/settings$/,
  /^\/import$/,
  /^\/dues\/(collect|opening|rates|exemptions)(\/|$)/,
  /^\/training\/(setup|register|item\/[^/]+)$/,
  /^\/rating\/[^/]+$/,
  /^\/committee\/(term|seat)$/,
  /^\/reports\/settings$/,
];

export function isEditOnly(path: string): boolean {
  return EDIT_ONLY.some((r) => r.test(path));
}

/** Screens that are not the unit's book: the level above's, the server's, first run. */
export function isUnitScreen(path: string): boolean {
  return !/^\/(above|admin|join|setup)(\/|$)/.test(path);
}
