// Entry of the dist/cli-cluster.js bundle: the subcommands that need the cluster client or the sim.
// dist/cli.js requires it only when one of them runs, so that `lint` and `--help` do not compile
// client-node (about a second of the process's start).
export { eventsCommand } from './events.ts';
export { fitCommand } from './fit.ts';
export { healthCommand } from './health.ts';
export { portForwardCommand } from './port-forward.ts';
export { simCommand } from './sim.ts';
export { suggestCommand } from './suggest.ts';
