// Boot. This module is part of the shell bundle: avoid adding to it. It paints the shell
// at once; every screen, Dexie and zod load lazily (PERFORMANCE.md B1).
import { render } from 'preact';
import { App } from './app/App';
import './app/app.css';

performance.mark('scd:boot');
render(<App />, document.getElementById('app')!);
