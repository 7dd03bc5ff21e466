// Shows that eslint.config.js enforces DESIGN.md's layers: each case lints a snippet as if it were
// a file in that folder and checks whether no-restricted-imports reports it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').length;
}

const cases: { file: string; code: string; reported: boolean }[] = [
  { file: 'src/core/lint/engine.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: true },
  { file: 'src/core/engine.ts', code: "import type { Uri } from 'vscode';\nexport type U = Uri;\n", reported: true },
  { file: 'src/core/lint/engine.ts', code: "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n", reported: true },
  { file: 'src/core/lint/engine.ts', code: "import { x } from '../../cluster/service.ts';\nvoid x;\n", reported: true },
  { file: 'src/core/lint/engine.ts', code: "import { x } from '../cluster/health.ts';\nvoid x;\n", reported: false },
  { file: 'src/core/engine.ts', code: "import { x } from '../vscode/ids.ts';\nvoid x;\n", reported: true },
  { file: 'src/cluster/service.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: true },
  { file: 'src/cluster/service.ts', code: "import { x } from '../sim/server.ts';\nvoid x;\n", reported: true },
  { file: 'src/cluster/service.ts', code: "import { x } from '../core/cluster/health.ts';\nvoid x;\n", reported: false },
  { file: 'src/sim/server.ts', code: "import { x } from '../cluster/service.ts';\nvoid x;\n", reported: true },
  { file: 'src/cli/lint.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: true },
  { file: 'src/cli.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: true },
  { file: 'src/vscode/explorer/tree.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: false },
  { file: 'src/vscode/explorer/tree.ts', code: "import { x } from '../../sim/server.ts';\nvoid x;\n", reported: true },
  { file: 'src/extension.ts', code: "import * as vscode from 'vscode';\nvoid vscode;\n", reported: false },
];

describe('layer rules in eslint.config.js', () => {
  for (const { file, code, reported } of cases) {
    const source = code.split('\n')[0];
    it(`${reported ? 'reports' : 'allows'} ${source} in ${file}`, async () => {
      assert.equal((await restrictedImports(file, code)) > 0, reported);
    });
  }
});

describe('service tests in eslint.config.js', () => {
  it('lets a src/cluster test import the simulated cluster, but not the service itself', async () => {
    const code = "import { startSim } from '../sim/sim.ts';\nvoid startSim;\n";
    assert.equal(await restrictedImports('src/cluster/service.test.ts', code), 0);
    assert.equal(await restrictedImports('src/cluster/service.ts', code), 1);
  });

  it('keeps core tests pure', async () => {
    const code = "import { startSim } from '../../sim/sim.ts';\nvoid startSim;\n";
    assert.equal(await restrictedImports('src/core/lint/engine.test.ts', code), 1);
  });
});

describe('bounded calls in eslint.config.js', () => {
  const spreads = async (filePath: string, code: string): Promise<number> => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-syntax').length;
  };

  it('reports an array spread into push or Math.max in src, where the input may be unbounded', async () => {
    assert.equal(await spreads('src/cli/lint.ts', 'export function f(a: number[], b: number[]): number {\n  a.push(...b);\n  return Math.max(...a);\n}\n'), 2);
  });

  it('allows a spread into an array literal, and spreads in tests', async () => {
    assert.equal(await spreads('src/cli/lint.ts', 'export const join = (a: number[], b: number[]): number[] => [...a, ...b];\n'), 0);
    assert.equal(await spreads('src/cli/lint.test.ts', 'export const f = (a: number[]): number => Math.max(...a);\n'), 0);
  });
});
