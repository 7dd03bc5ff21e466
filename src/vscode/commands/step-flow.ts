// The questions of a multi-step input as data, and the walk through them: each step shows the
// answer given before a Back (else its own value, derived from the earlier answers), checks what is
// typed, and records the answer; Back returns to the step before with the state it had then. No
// 'vscode' here: multi-step-input.ts shows the steps, and this file's tests walk them in plain Node.

/** What is wrong with an answer; a warning (an unpinned image) still lets the user go on. */
export interface InputProblem {
  readonly message: string;
  readonly blocking: boolean;
}

export interface Choice {
  readonly label: string;
  readonly description?: string;
}

interface StepBase<S> {
  /** Ends the title: "Deploy image: name". */
  readonly name: string;
  /** Says what to enter, with an example; never a placeholder, which would look like a value. */
  readonly prompt: (state: S) => string;
}

export interface TextStep<S> extends StepBase<S> {
  readonly type: 'text';
  /** What the box starts with, selected so that typing replaces it. */
  readonly value: (state: S) => string;
  readonly check: (text: string, state: S) => InputProblem | undefined;
  readonly apply: (state: S, text: string) => S;
}

export interface PickStep<S> extends StepBase<S> {
  readonly type: 'pick';
  readonly choices: (state: S) => readonly Choice[];
  /** The label picked first. */
  readonly value: (state: S) => string;
  /** The choice a typed text that names no choice stands for (a new namespace), or why there is none. */
  readonly typed: (text: string, state: S) => Choice | InputProblem;
  readonly apply: (state: S, choice: Choice) => S;
}

export type Step<S> = TextStep<S> | PickStep<S>;

export const blocking = (message: string): InputProblem => ({ message, blocking: true });
export const warning = (message: string): InputProblem => ({ message, blocking: false });

/** The error message of a check that returns one, as a blocking problem. */
export function blockingIf(message: string | undefined): InputProblem | undefined {
  return message === undefined ? undefined : blocking(message);
}

export class StepFlow<S> {
  private readonly steps: readonly Step<S>[];
  /** The state before each step reached so far. */
  private readonly states: S[];
  /** Answers that differ from what their step offered, by step: shown again after a Back. */
  private readonly typed = new Map<number, string>();
  private index = 0;

  constructor(steps: readonly Step<S>[], start: S) {
    this.steps = steps;
    this.states = [start];
  }

  get done(): boolean {
    return this.index >= this.steps.length;
  }

  /** The current step, its number from 1, and how many there are. */
  get position(): { readonly step: Step<S>; readonly number: number; readonly total: number } {
    const step = this.steps[this.index];
    if (step === undefined) throw new Error('the steps are done');
    return { step, number: this.index + 1, total: this.steps.length };
  }

  /** The answers so far. */
  get state(): S {
    return this.states[this.index]!;
  }

  /** What the current step shows first. */
  initial(): string {
    return this.typed.get(this.index) ?? this.position.step.value(this.state);
  }

  /** What an answer to the current step would be told now (as the user types). */
  check(text: string): InputProblem | undefined {
    const { step } = this.position;
    if (step.type === 'text') return step.check(text, this.state);
    const named = this.choiceNamed(text);
    return named === undefined ? undefined : 'message' in named ? named : undefined;
  }

  /** Takes a typed answer (for a pick: a choice's label, or a text its `typed` accepts); a blocking problem keeps the step. */
  answer(text: string): InputProblem | undefined {
    const { step } = this.position;
    if (step.type === 'pick') {
      const choice = this.choiceNamed(text) ?? blocking('Pick one of the choices.');
      if ('message' in choice) return choice;
      this.choose(choice);
      return undefined;
    }
    const problem = step.check(text, this.state);
    if (problem?.blocking === true) return problem;
    this.advance(text, step.apply(this.state, text.trim()));
    return undefined;
  }

  choose(choice: Choice): void {
    const { step } = this.position;
    if (step.type !== 'pick') throw new Error(`step ${step.name} offers no choices`);
    this.advance(choice.label, step.apply(this.state, choice));
  }

  /** Back to the step before; false on the first step. */
  back(): boolean {
    if (this.index === 0) return false;
    this.index -= 1;
    return true;
  }

  /** A choice the text names by label, else what the step makes of a typed text; undefined for no text. */
  private choiceNamed(text: string): Choice | InputProblem | undefined {
    const { step } = this.position;
    if (step.type !== 'pick' || text.trim() === '') return undefined;
    return step.choices(this.state).find((choice) => choice.label === text.trim()) ?? step.typed(text.trim(), this.state);
  }

  private advance(text: string, next: S): void {
    if (text === this.position.step.value(this.state)) this.typed.delete(this.index);
    else this.typed.set(this.index, text);
    this.index += 1;
    this.states[this.index] = next;
  }
}
