// Shows a StepFlow as one multi-step input, the way VS Code's own wizards look: the title counts
// the steps ("Deploy image: name (2/7)"), a Back button returns to the step before with its answer,
// each value is pre-filled and selected (typing replaces it), and a check runs as the user types,
// its message under the box (a warning lets Enter through, an error explains why Enter does not).
import * as vscode from 'vscode';
import type { CommandUi } from './command-ui.ts';
import { StepFlow, type Choice, type InputProblem, type PickStep, type Step, type TextStep } from './step-flow.ts';

type Move = 'next' | 'back' | 'closed';

/** An item and the choice it stands for; an item without one only explains why a typed name will not do. */
type ChoiceItem = vscode.QuickPickItem & { readonly choice?: Choice };

function validation(problem: InputProblem | undefined): vscode.InputBoxValidationMessage | undefined {
  if (problem === undefined) return undefined;
  return { message: problem.message, severity: problem.blocking ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning };
}

/** The answers of every step, or undefined when the user closed the input. */
export async function runSteps<S>(ui: CommandUi, title: string, steps: readonly Step<S>[], start: S): Promise<S | undefined> {
  const flow = new StepFlow(steps, start);
  while (!flow.done) {
    const { step } = flow.position;
    const move = await (step.type === 'text' ? showText(ui, title, flow, step) : showPick(ui, title, flow, step));
    if (move === 'closed') return undefined;
  }
  return flow.state;
}

/** Title, step counter, prompt and Back button: what every step's input shows. */
function frame<S>(input: vscode.QuickInput & { prompt: string | undefined; buttons: readonly vscode.QuickInputButton[] }, title: string, flow: StepFlow<S>): void {
  const { step, number, total } = flow.position;
  input.title = `${title}: ${step.name}`;
  if (total > 1) {
    input.step = number;
    input.totalSteps = total;
  }
  input.prompt = step.prompt(flow.state);
  input.buttons = number > 1 ? [vscode.QuickInputButtons.Back] : [];
  input.ignoreFocusOut = true;
}

interface Moves {
  /** Resolves once the input moved the flow on, back, or was closed; the input is gone then. */
  readonly moved: Promise<Move>;
  readonly move: (to: Move) => void;
  /** Listeners that go with the input. */
  readonly listen: (...listeners: vscode.Disposable[]) => void;
}

function moves<S>(input: vscode.InputBox | vscode.QuickPick<ChoiceItem>, flow: StepFlow<S>): Moves {
  const listeners: vscode.Disposable[] = [];
  let move: (to: Move) => void = () => undefined;
  const moved = new Promise<Move>((resolve) => {
    move = (to) => {
      for (const listener of listeners.splice(0)) listener.dispose();
      input.dispose();
      resolve(to);
    };
  });
  listeners.push(
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && flow.back() && move('back')),
    input.onDidHide(() => move('closed')),
  );
  return { moved, move, listen: (...more) => listeners.push(vscode.Disposable.from(...more)) };
}

function showText<S>(ui: CommandUi, title: string, flow: StepFlow<S>, step: TextStep<S>): Promise<Move> {
  const input = vscode.window.createInputBox();
  frame(input, title, flow);
  const value = flow.initial();
  input.value = value;
  input.valueSelection = [0, value.length];
  if (value !== '') input.validationMessage = validation(flow.check(value));
  const { moved, move, listen } = moves(input, flow);
  const accept = (text: string): string | undefined => {
    const problem = flow.answer(text);
    input.validationMessage = validation(problem);
    if (problem === undefined) move('next');
    return problem?.message;
  };
  listen(
    input.onDidChangeValue((text) => (input.validationMessage = validation(flow.check(text)))),
    input.onDidAccept(() => accept(input.value)),
  );
  input.show();
  ui.stepShown({
    name: step.name,
    input,
    answer: (text) => {
      input.value = text;
      return accept(text);
    },
  });
  return moved;
}

function showPick<S>(ui: CommandUi, title: string, flow: StepFlow<S>, step: PickStep<S>): Promise<Move> {
  const pick = vscode.window.createQuickPick<ChoiceItem>();
  frame(pick, title, flow);
  const choices: ChoiceItem[] = step.choices(flow.state).map((choice) => ({ label: choice.label, ...(choice.description === undefined ? {} : { description: choice.description }), choice }));
  // A typed name that is no choice gets an item of its own: the new namespace, or why it cannot be one.
  const itemsFor = (text: string): ChoiceItem[] => {
    const typed = text.trim() === '' || choices.some((item) => item.label === text.trim()) ? undefined : step.typed(text.trim(), flow.state);
    if (typed === undefined) return choices;
    const item: ChoiceItem = 'message' in typed ? { label: `$(error) ${text.trim()}`, detail: typed.message, alwaysShow: true } : { label: typed.label, description: typed.description ?? '', alwaysShow: true, choice: typed };
    return [...choices, item];
  };
  pick.items = choices;
  const initial = flow.initial();
  pick.activeItems = choices.filter((item) => item.label === initial);
  const { moved, move, listen } = moves(pick, flow);
  listen(
    pick.onDidChangeValue((text) => (pick.items = itemsFor(text))),
    pick.onDidAccept(() => {
      const choice = (pick.selectedItems[0] ?? pick.activeItems[0])?.choice;
      if (choice === undefined) return;
      flow.choose(choice);
      move('next');
    }),
  );
  pick.show();
  ui.stepShown({
    name: step.name,
    input: pick,
    answer: (text) => {
      const problem = flow.answer(text);
      if (problem === undefined) move('next');
      return problem?.message;
    },
  });
  return moved;
}
