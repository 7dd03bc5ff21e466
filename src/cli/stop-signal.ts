/** Resolves on the process's first SIGINT or SIGTERM: how long-running subcommands (sim, events --watch) end. */
export function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
