// A subcommand whose module is imported only when it runs: `--help` and `lint` must not load the
// cluster client (client-node takes most of a second to load) that health, events and the others need.
import type { Subcommand } from './main.ts';

/** Each `load` is a dynamic import, so the bundle evaluates a subcommand's modules only when it is chosen. */
export function lazySubcommand(name: string, summary: string, load: () => Promise<Subcommand>): Subcommand {
  return { name, summary, run: async (args, io) => (await load()).run(args, io) };
}
