// Builds the shipped bundles (extension, its lazily required commands, kustomize renders, cluster, core and schema-data, CLI) into dist/ and the extension-host test suites into out/.
// `--production` minifies the shipped bundles; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Desktop VS Code's extension host runs Node 22; the bundles must not use anything newer.
const nodeTarget = 'node22';

// A JSON import as a JS object literal is compiled as code at every start; the same data in a string
// given to JSON.parse is only scanned (V8's advice for literals over 10 KB). The schemas are 65 KB to 1 MB.
/** @type {import('esbuild').Plugin} */
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/].*\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

// The CLI reads only the version of package.json, whose contributions make it 16 KB.
const rootPackage = resolve('package.json');
/** @type {import('esbuild').Plugin} */
const packageVersionOnly = {
  name: 'package-version-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      if (args.path !== rootPackage) return undefined;
      const { version } = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: `module.exports = ${JSON.stringify({ version })};`, loader: 'js' };
    });
  },
};

// The CLI reads the lint schema from dist/kubernetes-schema.json (written below): V8 compiles the
// function holding a 65 KB string at every start (the compile cache keeps only what was compiled
// eagerly), while reading the file and JSON.parse cost less (`kube-workbench lint FILE` about 3 ms
// faster). The editor's dist/core.js keeps the schema inside.
const lintSchema = 'src/core/lint/schema/kubernetes-schema.json';
/** @type {import('esbuild').Plugin} */
const schemaBesideBundle = {
  name: 'schema-beside-bundle',
  setup(build) {
    build.onLoad({ filter: /[\\/]kubernetes-schema\.json$/ }, () => ({
      contents: "module.exports = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, 'kubernetes-schema.json'), 'utf8'));",
      loader: 'js',
    }));
  },
};

/** The CLI bundles' plugins: the lint schema read from beside them, the rest as for every bundle. */
const cliPlugins = [schemaBesideBundle, jsonAsString, packageVersionOnly];

/** @type {import('esbuild').BuildOptions} */
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: nodeTarget,
  sourcemap: true,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [jsonAsString, packageVersionOnly],
};

// Every source file that imports 'vscode' would get its own esbuild interop copy of the API object's
// ~300 properties at load (51 files: a third of the bundle's load time); one ES module that re-exports
// it is copied once and imported by all.
/** @type {import('esbuild').Plugin} */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...shared, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', metafile: true, plugins: [vscodeOnce, jsonAsString] },
  // Every command's handler, required by the extension when the first command runs.
  { ...shared, entryPoints: { commands: 'src/vscode/commands/register-commands.ts' }, outdir: 'dist', metafile: true, plugins: [vscodeOnce, jsonAsString] },
  // The editor's kustomize renders (kubectl, the disk tree, the tracing), required with the first kustomization.
  { ...shared, entryPoints: { 'kustomize-renders': 'src/vscode/diagnostics/kustomize-renders.ts' }, outdir: 'dist', metafile: true, plugins: [vscodeOnce, jsonAsString] },
  // The cluster service (client-node inside) is its own bundle, required by the extension on first use.
  { ...shared, entryPoints: { cluster: 'src/cluster/index.ts' }, outdir: 'dist', metafile: true },
  // The pure core the editor needs (lint engine, rules, js-yaml, the schema snapshot, describe, allocator
  // formatting), required on first use.
  { ...shared, entryPoints: { core: 'src/core/editor-core.ts' }, outdir: 'dist', metafile: true },
  // The versioned schema with its descriptions (~1 MB of JSON) for completion and hover, required on the
  // first of them, so that linting (dist/core.js) does not parse it.
  { ...shared, entryPoints: { 'schema-data': 'src/core/authoring/load-schema-data.ts' }, outdir: 'dist', metafile: true },
  // The CLI's cluster subcommands (client-node inside), required by dist/cli.js only when one runs, so
  // that `kube-workbench lint` and `--help` start without compiling the cluster client.
  { ...shared, entryPoints: { 'cli-cluster': 'src/cli/cluster-commands.ts' }, outdir: 'dist', metafile: true, plugins: cliPlugins },
  // The CLI (its lint pool's worker threads load it too), required by dist/cli.js once that has turned
  // on Node's compile cache, which a bundle cannot do for itself.
  { ...shared, entryPoints: { 'cli-main': 'src/cli.ts' }, outdir: 'dist', metafile: true, plugins: cliPlugins },
  {
    ...shared,
    entryPoints: { cli: 'src/cli-start.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
  },
];

// Extension-host entries (suites, the activation benchmark): each file is its own bundle, so mocha
// can load a suite after it has defined its globals. out/ is never packaged.
for (const folder of ['test/integration', 'test/restricted', 'test/bench/host']) {
  builds.push({
    ...shared,
    minify: false,
    entryPoints: readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `${folder}/${name}`),
    outdir: `out/${folder}`,
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
  });
}

// package.json says "type": "module" for the TypeScript sources; the bundles are CommonJS.
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
writeFileSync('dist/kubernetes-schema.json', JSON.stringify(JSON.parse(readFileSync(lintSchema, 'utf8'))));

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('esbuild: watching for changes');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile?.outputs ?? {})) {
      if (file.endsWith('.js')) console.log(`esbuild: ${file} ${(output.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
