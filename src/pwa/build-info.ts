// Build-time constants (vite.config.ts `define`); absent under vitest, hence the typeof checks.
declare const __APP_VERSION__: string | undefined;
declare const __SW_ENABLED__: boolean | undefined;

/** The app version shown in settings, from package.json. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** True in a build (which has /sw.js), false under `vite` dev and tests. */
export const IS_SW_ENABLED: boolean = typeof __SW_ENABLED__ === 'boolean' && __SW_ENABLED__;
