// Sizes of the shipped bundles as `npm run bench` builds them (--production, minified).
import { statSync } from 'node:fs';
import { repoRoot } from '../harness/tools.ts';
import type { Bench } from './report.ts';

// The extension bundle is loaded at activation, so it stays small: the commands' handlers, the
// Kubernetes client and the schemas are loaded on first use. The CLI carries everything it runs.
const targets = [
  { file: 'dist/extension.js', maxKb: 100 },
  // Every command's handler, loaded when the first command runs.
  { file: 'dist/commands.js', maxKb: 200 },
  // The editor's kustomize renders, loaded with the first kustomization.
  { file: 'dist/kustomize-renders.js', maxKb: 16 },
  { file: 'dist/core.js', maxKb: 400 },
  { file: 'dist/cluster.js', maxKb: 3072 },
  // Eight Kubernetes versions' schema with descriptions (issue 15: under 3 MB in the .vsix).
  { file: 'dist/schema-data.js', maxKb: 1536 },
  // The CLI's start-up stub turns on the compile cache, then requires its bundle.
  { file: 'dist/cli.js', maxKb: 4 },
  { file: 'dist/cli-main.js', maxKb: 4096 },
];

export const bench: Bench = {
  name: 'bundle-size',
  async run(report) {
    for (const { file, maxKb } of targets) {
      report({
        name: `size of ${file}`,
        value: statSync(`${repoRoot}/${file}`).size / 1024,
        unit: 'KB',
        target: { op: '<', value: maxKb },
      });
    }
  },
};
