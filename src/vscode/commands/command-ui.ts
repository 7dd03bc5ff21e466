// Everything a command asks or shows besides its input steps: modal questions, the output channels
// of followed logs and tasks, and the progress notifications it runs under. Tests stand in for the
// user through the TestSeam, which activate() hands out only to the extension host's test runner
// (ExtensionMode.Test): no command argument, link or other extension can answer for the user.
import * as vscode from 'vscode';

/** A question: the message, its detail, and the buttons (closing the dialog answers undefined). */
export interface Question {
  readonly message: string;
  readonly detail?: string;
  readonly choices: readonly string[];
  /** Asked with a warning icon: the answer changes or risks something. */
  readonly warning: boolean;
  /** Asked in a notification that waits in the corner instead of a modal dialog: nothing waits on it. */
  readonly notification?: boolean;
}

export type Answerer = (question: Question) => string | undefined;

/** Where a save dialog saves, given the place it proposes; undefined: the dialog was closed. */
export type SaveAnswerer = (proposed: vscode.Uri | undefined) => vscode.Uri | undefined;

/** An input step on screen, as tests see it. */
export interface ShownStep {
  /** The step's name, as its title ends: "image", "replicas". */
  readonly name: string;
  readonly input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>;
  /** Answers as if typed (or picked by label) and accepted; returns the problem that keeps the step open. */
  answer(text: string): string | undefined;
}

export interface StartedProgress {
  readonly title: string;
  /** Does what the notification's Cancel button does. */
  cancel(): void;
}

export interface AppendedLine {
  readonly channel: string;
  readonly line: string;
}

/** What a pod terminal wrote, as tests read it. */
export interface TerminalWrite {
  readonly terminal: string;
  readonly data: string;
}

/** A file or folder dialog: its title, and whether it picks files, folders or both. */
export interface PathQuestion {
  readonly title: string;
  readonly files: boolean;
  readonly folders: boolean;
}

export type PathAnswerer = (question: PathQuestion) => string | undefined;

/** The handles the integration tests drive the commands through. */
export interface TestSeam {
  /** Answers every question (modal or notification) instead of the user, until set to undefined. */
  answerQuestions(answerer: Answerer | undefined): void;
  /** Answers every save dialog instead of the user, until set to undefined. */
  answerSaveDialogs(answerer: SaveAnswerer | undefined): void;
  readonly onDidShowStep: vscode.Event<ShownStep>;
  readonly onDidStartProgress: vscode.Event<StartedProgress>;
  readonly onDidAppendLine: vscode.Event<AppendedLine>;
  /** Answers every file or folder dialog with a path instead of the user, until set to undefined. */
  answerPaths(answerer: PathAnswerer | undefined): void;
  readonly onDidWriteTerminal: vscode.Event<TerminalWrite>;
}

export class CommandUi implements vscode.Disposable {
  private answerer: Answerer | undefined;
  private pathAnswerer: PathAnswerer | undefined;
  private readonly terminalWrites = new vscode.EventEmitter<TerminalWrite>();
  private saveAnswerer: SaveAnswerer | undefined;
  private readonly steps = new vscode.EventEmitter<ShownStep>();
  private readonly progress = new vscode.EventEmitter<StartedProgress>();
  private readonly lines = new vscode.EventEmitter<AppendedLine>();
  private readonly channels = new Map<string, vscode.OutputChannel>();

  async ask(question: Question): Promise<string | undefined> {
    if (this.answerer !== undefined) return this.answerer(question);
    const show = question.warning ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(question.message, { modal: question.notification !== true, ...(question.detail === undefined || question.detail === '' ? {} : { detail: question.detail }) }, ...question.choices);
  }

  /** A save dialog for a YAML file, proposing `proposed`. */
  async saveTo(proposed: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (this.saveAnswerer !== undefined) return this.saveAnswerer(proposed);
    return vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] }, ...(proposed === undefined ? {} : { defaultUri: proposed }) });
  }

  /** One path from a file or folder dialog; undefined when closed. */
  async choosePath(question: PathQuestion): Promise<string | undefined> {
    if (this.pathAnswerer !== undefined) return this.pathAnswerer(question);
    const picked = await vscode.window.showOpenDialog({ title: question.title, canSelectFiles: question.files, canSelectFolders: question.folders, canSelectMany: false, openLabel: 'Select' });
    return picked?.[0]?.fsPath;
  }

  terminalWrote(terminal: string, data: string): void {
    this.terminalWrites.fire({ terminal, data });
  }

  stepShown(step: ShownStep): void {
    this.steps.fire(step);
  }

  /** A Cancel for a progress notification that starts now, handed to the tests. */
  progressStarted(title: string): AbortSignal {
    const cancel = new AbortController();
    this.progress.fire({ title, cancel: () => cancel.abort() });
    return cancel.signal;
  }

  /** Brings the named output channel forward, creating it on first use. */
  showChannel(name: string): void {
    this.channel(name).show(true);
  }

  appendLine(channel: string, line: string): void {
    this.channel(channel).appendLine(line);
    this.lines.fire({ channel, line });
  }

  testSeam(): TestSeam {
    return {
      answerQuestions: (answerer) => {
        this.answerer = answerer;
      },
      answerSaveDialogs: (answerer) => {
        this.saveAnswerer = answerer;
      },
      onDidShowStep: this.steps.event,
      onDidStartProgress: this.progress.event,
      onDidAppendLine: this.lines.event,
      answerPaths: (answerer) => {
        this.pathAnswerer = answerer;
      },
      onDidWriteTerminal: this.terminalWrites.event,
    };
  }

  dispose(): void {
    for (const channel of this.channels.values()) channel.dispose();
    this.channels.clear();
    this.steps.dispose();
    this.progress.dispose();
    this.lines.dispose();
    this.terminalWrites.dispose();
  }

  private channel(name: string): vscode.OutputChannel {
    let channel = this.channels.get(name);
    if (channel === undefined) this.channels.set(name, (channel = vscode.window.createOutputChannel(name)));
    return channel;
  }
}

/** The seam for the extension host's test runner only. */
export function testSeamFor(ui: CommandUi, mode: vscode.ExtensionMode): TestSeam | undefined {
  return mode === vscode.ExtensionMode.Test ? ui.testSeam() : undefined;
}
