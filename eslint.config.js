// Lint rules, and the layers of ../shared/DESIGN.md as import restrictions per folder:
// core imports nothing above it and does no I/O; only src/vscode and src/extension.ts import 'vscode'.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const layers = ['core', 'cluster', 'sim', 'cli', 'vscode'];

/** What each layer of src/ may not import (DESIGN.md: imports point down). */
const forbiddenLayers = {
  core: ['cluster', 'sim', 'cli', 'vscode', 'extension'],
  cluster: ['sim', 'cli', 'vscode', 'extension'],
  sim: ['cluster', 'cli', 'vscode', 'extension'],
  cli: ['vscode', 'extension'],
  vscode: ['sim', 'cli', 'extension'],
};

const vscodeImport = { name: 'vscode', message: "Only src/vscode and src/extension.ts may import 'vscode'." };

// Pure logic does no I/O: these modules are for the layers above core.
const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'tls', 'os', 'worker_threads'];
const noIo = [...ioModules, ...ioModules.map((name) => `node:${name}`), '@kubernetes/client-node'].map((name) => ({
  name,
  message: 'src/core is pure: I/O, clocks and the environment come in as arguments.',
}));

// Service tests (ring 2 of DESIGN.md) run against the simulated cluster, so tests above core may import src/sim.
const testsMayImport = ['sim'];

/**
 * One block per layer, folder depth and source/test: a relative import that climbs back to src/
 * (`../` once per level) and then enters a forbidden layer is reported.
 */
function layerBlocks(layer) {
  const blocks = [];
  for (let depth = 1; depth <= 5; depth += 1) {
    const climb = String.raw`(\.\./){${depth}}`;
    const files = `src/${layer}/${'*/'.repeat(depth - 1)}*.ts`;
    for (const tests of [false, true]) {
      const forbidden = forbiddenLayers[layer].filter((name) => !(tests && layer !== 'core' && testsMayImport.includes(name)));
      blocks.push({
        files: [tests ? files.replace(/\*\.ts$/, '*.test.ts') : files],
        ...(tests ? {} : { ignores: ['**/*.test.ts'] }),
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: [...(layer === 'vscode' ? [] : [vscodeImport]), ...(layer === 'core' ? noIo : [])],
              patterns: [
                {
                  regex: `^${climb}(${forbidden.join('|')})(/|\\.ts$|$)`,
                  message: `src/${layer} may not import from ${forbidden.join(', ')} (DESIGN.md layers).`,
                },
                { regex: `^${climb}\\.\\./(?!package\\.json$)`, message: 'Source files may not import from outside src/.' },
              ],
            },
          ],
        },
      });
    }
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.tools/', '**/*.tmp.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/*.ts', 'test/**/*.ts'],
    ignores: ['src/extension.ts', 'test/integration/**', 'test/restricted/**', 'test/bench/host/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeImport] }] },
  },
  ...layers.flatMap(layerBlocks),
  {
    // Each spread element is one call argument: ~120,000 of them overflow the call stack (issue 12).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode|apply)$/] > SpreadElement',
          message: 'Spreading an array into call arguments fails past ~120,000 elements: loop, or reduce.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe|suite)$/]",
          message: 'A focused or skipped test proves nothing.',
        },
      ],
    },
  },
);
