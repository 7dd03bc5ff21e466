/**
 * Prometheus label regexes matched in linear time, as Go's RE2 does, instead of by JavaScript's
 * backtracking RegExp (where `(.*){12}!` takes minutes and blocks the whole process). The tree of
 * label-regex-syntax.ts becomes a Thompson NFA; matching keeps the set of states alive at each
 * character, so the work is at most characters × states, never exponential.
 */
import { err, ok, type Result } from '../../core/result.ts';
import { parseLabelRegex, RegexSyntaxError, type AssertTest, type CharTest, type RegexNode } from './label-regex-syntax.ts';

/**
 * The NFA's size limit, refused as Go refuses an oversized program ("expression too large"). Far
 * above any real label regex; it bounds a match to states × the label's length (≤ 253 characters).
 */
export const maxStates = 5_000;

type State =
  | { readonly kind: 'char'; readonly test: CharTest; next: number }
  | { readonly kind: 'split'; first: number; second: number }
  | { readonly kind: 'assert'; readonly test: AssertTest; readonly next: number }
  | { readonly kind: 'match' };

interface Program {
  readonly states: readonly State[];
  readonly start: number;
}

/** Builds states back to front: each node is compiled knowing the state that follows it (0: the match). */
function compile(root: RegexNode, stateLimit: number): Program {
  const states: State[] = [{ kind: 'match' }];
  const add = (state: State): number => {
    if (states.length >= stateLimit) throw new RegexSyntaxError('expression too large');
    return states.push(state) - 1;
  };
  const emit = (node: RegexNode, next: number): number => {
    switch (node.kind) {
      case 'char':
        return add({ kind: 'char', test: node.test, next });
      case 'assert':
        return add({ kind: 'assert', test: node.test, next });
      case 'concat':
        return node.items.reduceRight((following, item) => emit(item, following), next);
      case 'alt':
        return node.items.map((item) => emit(item, next)).reduceRight((rest, start) => add({ kind: 'split', first: start, second: rest }));
      case 'repeat': {
        let start = next;
        if (node.max === Infinity) {
          const loop: State = { kind: 'split', first: next, second: next };
          start = add(loop);
          loop.first = emit(node.node, start);
        } else for (let count = node.min; count < node.max; count += 1) start = add({ kind: 'split', first: emit(node.node, start), second: next });
        for (let count = 0; count < node.min; count += 1) start = emit(node.node, start);
        return start;
      }
    }
  };
  const start = emit(root, 0);
  return { states, start };
}

/** Whether the whole input matches: the state sets are walked forward once, one character at a time. */
function fullMatch({ states, start }: Program, input: readonly number[]): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  const pending: number[] = [];
  const closure = (from: number, at: number, into: number[]): void => {
    pending.push(from);
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (seen[id] === at) continue;
      seen[id] = at;
      const state = states[id] as State;
      if (state.kind === 'split') pending.push(state.second, state.first);
      else if (state.kind === 'assert') {
        if (state.test(input, at)) pending.push(state.next);
      } else into.push(id);
    }
  };
  let current: number[] = [];
  closure(start, 0, current);
  for (let at = 0; at < input.length && current.length > 0; at += 1) {
    const next: number[] = [];
    const code = input[at] ?? 0;
    for (const id of current) {
      const state = states[id] as State;
      if (state.kind === 'char' && state.test(code)) closure(state.next, at + 1, next);
    }
    current = next;
  }
  return current.some((id) => states[id]?.kind === 'match');
}

export interface LabelRegex {
  readonly matches: (value: string) => boolean;
  /** The NFA's size: a match costs at most this many steps per character. */
  readonly states: number;
}

/** A label regex as Prometheus applies it (anchored at both ends), or Go's error message; at most `stateLimit` states. */
export function compileLabelRegex(pattern: string, stateLimit = maxStates): Result<LabelRegex, string> {
  // Nearly every character becomes a state: a longer pattern would be refused anyway, after parsing it all.
  if (pattern.length > stateLimit) return err('error parsing regexp: expression too large');
  try {
    // Prometheus 2.x compiles `^(?:pattern)$`: the same unbalanced-parenthesis quirks, `.` not matching a newline.
    const program = compile(parseLabelRegex(`(?:${pattern})`), stateLimit);
    return ok({ matches: (value) => fullMatch(program, Array.from(value, (char) => char.codePointAt(0) ?? 0)), states: program.states.length });
  } catch (error) {
    if (error instanceof RegexSyntaxError) return err(`error parsing regexp: ${error.message}`);
    throw error;
  }
}
