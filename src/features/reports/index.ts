// What other features use from the reports: the periods' names (the year's targets list the
// reports behind "reports sent on time").
export { periodLabel } from './period-label';
