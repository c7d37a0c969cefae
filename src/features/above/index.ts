// PROVISIONAL (helper inbox): what other features use from the level above — the supervisor
// account on this phone and the units it supervises (registry.ts), so their screens need not
// reach into this feature's internals (test/unit/app/feature-boundaries.test.ts). The above
// helper owns this file; this copy stands until its own lands.
export { getAbove, supervisedUnits, type AboveSession, type SupervisedUnit } from './registry';
