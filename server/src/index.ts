// Entry point of the server: read the environment, listen, and on SIGINT/SIGTERM stop taking
// requests, finish the ones in flight and close the database. scripts/build-server.mjs bundles
// it into dist-server/index.mjs, which npm start (scripts/start.mjs) and production run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS, missingServerFlags } from '../../scripts/server-flags.mjs';
import { readConfig } from './config';
import { startServer } from './server';
import { redact } from './store/postgres';
import { StartupError } from './startup-error';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!existsSync(path.join(config.distDir, 'index.html'))) {
    console.warn(`[server] ${config.distDir}/index.html is missing: the API runs, app pages answer 503 until you run npm run build.`);
  }
  const server = await startServer(config);
  const data = config.databaseUrl ? `Postgres ${redact(config.databaseUrl)}` : config.dataDir;
  console.log(`Sổ Chi Đoàn is running at ${server.url} (data: ${data}, app: ${config.distDir})`);
  const missing = missingServerFlags();
  if (missing.length) {
    // It runs the same without them; V8 just keeps ~30 MB more heap under a crowd of phones (B7).
    console.log(`[server] started without ${missing.join(' ')}: start it as npm start does (node ${SERVER_NODE_FLAGS.join(' ')} dist-server/index.mjs) to keep its memory low.`);
  }

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // `npm start` forwards Ctrl-C too, so a repeated signal is expected and ignored.
    if (isStopping) return;
    isStopping = true;
    console.log(`[server] ${signal}: shutting down…`);
    const hardStop = setTimeout(() => {
      console.error('[server] shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    hardStop.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[server] shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    console.error(`[server] port ${process.env.PORT ?? 8080} is already in use. Stop the other process or set PORT=…`);
  } else if (error instanceof StartupError) {
    // Something the person starting it can fix, said in plain words: no stack trace to read past.
    console.error(`[server] cannot start. ${error.message}`);
  } else {
    console.error('[server] failed to start:', error);
  }
  process.exit(1);
});
