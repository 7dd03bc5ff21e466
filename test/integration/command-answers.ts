// How suites answer the commands' questions: through the test seam that activate() hands only to the
// extension host's test runner. Steps are answered by name as a user would type them (validation
// applies); modal questions by a function of the question.
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import type { Answerer, Question, ShownStep, TestSeam } from '../../src/vscode/commands/command-ui.ts';

export function seamOf(api: KubeWorkbenchApi): TestSeam {
  if (api.testing === undefined) throw new Error('no test seam: the extension host is not running tests');
  return api.testing;
}

export interface Answers {
  /** Each step's answer by its name; undefined takes what the step offers. A step not named here is closed. */
  readonly steps?: Readonly<Record<string, string | undefined>>;
  /** The answer to each modal question; closing the dialog (undefined) by default. */
  readonly questions?: Answerer;
}

export interface Answered<T> {
  readonly result: T;
  /** Each step as it was first shown: its name, and the value and selection it offered. */
  readonly shown: readonly { readonly name: string; readonly value: string; readonly selection: readonly [number, number] | undefined; readonly title: string }[];
  readonly asked: readonly Question[];
  /** Problems that kept a step open (the step was then closed), by step name. */
  readonly refused: Readonly<Record<string, string>>;
}

/** What a step offers: the box's value, or a pick's active item. */
function offered(step: ShownStep): string {
  return 'activeItems' in step.input ? (step.input.activeItems[0]?.label ?? '') : step.input.value;
}

/** Runs `run` with `answers` standing in for the user, and reports what was shown and asked. */
export async function answered<T>(api: KubeWorkbenchApi, answers: Answers, run: () => Thenable<T>): Promise<Answered<T>> {
  const seam = seamOf(api);
  const shown: Answered<T>['shown'][number][] = [];
  const asked: Question[] = [];
  const refused: Record<string, string> = {};
  seam.answerQuestions((question) => {
    asked.push(question);
    return answers.questions?.(question);
  });
  const steps = answers.steps ?? {};
  const subscription = seam.onDidShowStep((step) => {
    const selection = 'valueSelection' in step.input ? step.input.valueSelection : undefined;
    shown.push({ name: step.name, value: offered(step), selection, title: step.input.title ?? '' });
    // After the show has returned, as a user's typing would come.
    setImmediate(() => {
      const problem = step.name in steps ? step.answer(steps[step.name] ?? offered(step)) : `not answered: ${step.name}`;
      if (problem === undefined) return;
      refused[step.name] = problem;
      step.input.hide();
    });
  });
  try {
    return { result: await run(), shown, asked, refused };
  } finally {
    subscription.dispose();
    seam.answerQuestions(undefined);
  }
}

/** Resolves with the next step shown. */
export function nextStep(api: KubeWorkbenchApi): Promise<ShownStep> {
  return new Promise((resolve) => {
    const subscription = seamOf(api).onDidShowStep((step) => {
      subscription.dispose();
      resolve(step);
    });
  });
}

/** Answers the shown step and resolves with the step shown next. */
export function answerAndNext(api: KubeWorkbenchApi, step: ShownStep, text: string): Promise<ShownStep> {
  const next = nextStep(api);
  const problem = step.answer(text);
  if (problem !== undefined) throw new Error(`${step.name}: ${problem}`);
  return next;
}

/** Accepts the shown input, and Back, as the keyboard does: through VS Code's own QuickInput commands. */
export const quickInput = {
  accept: (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'),
  back: (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.quickInputBack'),
};
