// What other features use from the year's plan besides its reads and writes: Home's year card
// (loaded by Home after its first paint: import('../targets')).
export { default as YearCard } from './YearCard';
