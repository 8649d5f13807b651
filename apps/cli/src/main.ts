import { runCli } from './cli';
import { processIo } from './cli-io';

// The exit status is the answer for a pipeline step: set it, and let pending output drain.
runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
