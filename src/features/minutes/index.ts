// What other features use from the minutes: saving as you type with a synchronous local copy
// (the report editor writes its sections the same way).
export { useAutosave, type Autosave, type SaveState } from './use-autosave';
export { readRescue, writeRescue, clearRescue, type Rescued } from './draft-rescue';
