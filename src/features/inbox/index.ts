// What other features use from the inbox: Home's "Cấp trên" card, whose code loads only when
// Home asks for it after its first paint (its own chunk, not precached).
import type { ComponentType } from 'preact';

export const loadAboveCard = (): Promise<ComponentType> => import('./AboveCard').then((m) => m.default);
