// The V8 flags the server process starts with: `npm start` (package.json), a production
// `node … dist-server/index.mjs` (README), the B6/B7 benchmark, and the notice the built
// server prints when it was started without them. V8 sizes its young generation when the
// process starts (v8.setFlagsFromString later does not resize it), and Node 20 cannot
// re-execute itself in place. Why these values: docs/decisions.md, "The server starts with
// two V8 flags" (issue 13, B7).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=30'];

/** The flags of SERVER_NODE_FLAGS missing from this process's command line and NODE_OPTIONS. */
export function missingServerFlags(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((f) => f.replaceAll('_', '-'));
  return SERVER_NODE_FLAGS.filter((flag) => !given.includes(flag));
}
