import * as vscode from 'vscode';
import type { LogLevel } from './config.ts';

const rank: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** The newest lines kept for readers in the extension host (tests assert on what was logged). */
const RECENT_LINES = 1_000;

/**
 * The extension's output channel. Messages go through here so one setting controls verbosity;
 * callers pass only what is safe to show (no tokens, keys or Secret data).
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Kubernetes Workbench');
  private level: LogLevel;
  private readonly recentLines: string[] = [];

  constructor(level: LogLevel) {
    this.level = level;
  }

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  error(message: string): void {
    this.write('error', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  info(message: string): void {
    this.write('info', message);
  }

  debug(message: string): void {
    this.write('debug', message);
  }

  /** The newest lines written, oldest first. */
  recent(): readonly string[] {
    return this.recentLines;
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: LogLevel, message: string): void {
    if (rank[level] > rank[this.level]) return;
    const line = `${new Date().toISOString()} [${level}] ${message}`;
    this.channel.appendLine(line);
    this.recentLines.push(line);
    if (this.recentLines.length > RECENT_LINES) this.recentLines.shift();
  }
}
