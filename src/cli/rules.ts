import { parseArgs } from 'node:util';
import { catalogueMarkdown, ruleSummaries } from '../core/lint/catalogue.ts';
import { allRules } from '../core/lint/rules/index.ts';
import { ExitCode, type Subcommand } from './main.ts';

/** `kube-workbench rules`: the rule catalogue from the rules' metadata (docs/rules.md is its markdown). */
export const rulesCommand: Subcommand = {
  name: 'rules',
  summary: 'print the lint rule catalogue (markdown or json)',
  run: async (args, io) => {
    let format: string;
    try {
      format = parseArgs({ args: [...args], options: { format: { type: 'string', default: 'markdown' } } }).values.format;
    } catch (error) {
      io.stderr(`kube-workbench rules: ${(error as Error).message}\n`);
      return ExitCode.usage;
    }
    if (format === 'markdown') io.stdout(catalogueMarkdown(allRules));
    else if (format === 'json') io.stdout(`${JSON.stringify(ruleSummaries(allRules), null, 2)}\n`);
    else {
      io.stderr(`kube-workbench rules: unknown format '${format}' (markdown or json)\n`);
      return ExitCode.usage;
    }
    return ExitCode.ok;
  },
};
