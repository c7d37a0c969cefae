// What other features use from the check-ins: Home's "Cấp trên" card asks how many agreed
// actions are open and how many overdue (inbox builds the card; /checkins is where it leads).
export { actionCounts } from './checkins-queries';
