import { globSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { type LintConfig, parseProjectConfig, projectConfigFileName } from '../core/lint/config.ts';
import { createLintFile, lint } from '../core/lint/engine.ts';
import { isProfileName, type ProfileName, profileNames } from '../core/lint/profiles.ts';
import { allRules } from '../core/lint/rules/index.ts';
import { toSarif } from '../core/lint/sarif.ts';
import { loadBundledSchema } from '../core/lint/schema/snapshot.ts';
import { type ClusterFacts, type Finding, type LintFile, type Severity, severities } from '../core/lint/types.ts';
import { terminalField } from '../core/text/terminal-text.ts';
import { LineIndex } from '../core/yaml/line-index.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { lintKustomizations } from './kustomize-lint.ts';
import { leftAlone } from './left-alone.ts';
import { bundlePlace, lintPool, type PoolPlace } from './lint-pool.ts';
import type { FileOutcome } from './lint-worker.ts';
import { firstVisit, newVisited, type Visited, walkManifests } from './manifest-walk.ts';
import { MAX_MANIFEST_BYTES, readCapped, readFileCapped, readInputFile, sizeText } from './read-input.ts';
import { RECOMMENDER_FLAG_OPTIONS, RECOMMENDER_FLAGS_HELP, recommenderFlagValues } from './recommender-flag-names.ts';
import { stdoutIsTerminal } from './stdout.ts';
import { UsageError } from './usage-error.ts';

export interface LintCommandDeps {
  readonly cwd: string;
  /** Standard input's text when an input is `-`; undefined when it holds more than `maxBytes` (the rest unread). */
  readonly readStdin: (maxBytes: number) => Promise<string | undefined>;
  /** Whether stdout is a terminal: text output is coloured only then. */
  readonly colour: boolean;
  /** The kubectl that renders kustomizations (default: kubectl on PATH). */
  readonly kubectl?: string;
  /** Where a large tree's worker threads start and how many (default: this bundle, one per core; from the sources, none). */
  readonly pool?: PoolPlace;
}

const help = `Usage: kube-workbench lint [options] <path|glob|->...

Lints Kubernetes manifests: directories recursively (*.yaml, *.yml that hold a Kubernetes document or
fail to parse), globs, files, - for stdin.
All inputs form one file set, so cross-object rules see every file.

Options:
  --format text|json|sarif     output format (default text: file:line:col severity rule-id message)
  --config FILE                project config (default: .kube-workbench.yaml here or in a parent folder)
  --profile NAME               rule profile: default, pss-baseline, pss-restricted (the Pod Security
                               level for workloads whose namespace has no pod-security label) or
                               all (also the opt-in rules); overrides the config's \`profile\`
  --fail-on LEVEL              exit 1 when a finding is at or above LEVEL: error, warning, info, hint
                               (default error; --max-severity is an alias)
  --kubernetes-version X.Y     target version for deprecated-api-version (default 1.34,
                               the bundled schema's)
  --usage FILE                 observed usage (JSON lines, as for \`suggest\`): request-suggestion
                               reports containers whose requests are far from the allocator's
                               target; a manifest without a namespace matches any namespace.
                               With --usage, the recommender's knobs (as for \`suggest\`):
${RECOMMENDER_FLAGS_HELP}
  --allow-skipped              files that are not linted (larger than ${sizeText(MAX_MANIFEST_BYTES)}, binary) do not
                               fail the run; without it they exit 2, so CI never passes what
                               it did not check

Folders are walked following symbolic links, each file and folder once (by real path).
A kustomization (kustomization.yaml) no other one lists is rendered with \`kubectl kustomize\` and its
output linted in place of its files; each finding is reported on the resource's field, or on the
kustomization's line naming the patch or generator that wrote it. Without kubectl, or when the render
fails, one line says so and the files are linted as they are.
stdin and each file may hold at most ${sizeText(MAX_MANIFEST_BYTES)}.

Exit codes: 0 no finding at or above the level, 1 findings, 2 usage or I/O error, or a file
skipped without --allow-skipped.
`;

const colours: Readonly<Record<Severity, string>> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const rank = (severity: Severity): number => severities.length - severities.indexOf(severity);
const tooLarge = `skipped: larger than ${sizeText(MAX_MANIFEST_BYTES)}`;

export function createLintCommand(deps: LintCommandDeps): Subcommand {
  return {
    name: 'lint',
    summary: 'lint Kubernetes manifests (text, json or sarif output) for CI',
    run: (args, io) => runLint(args, io, deps),
  };
}

/** The `lint` subcommand on the real process (register this one in main.ts). */
export const lintCommand = createLintCommand({
  cwd: process.cwd(),
  readStdin: (maxBytes) => readCapped(process.stdin, maxBytes),
  colour: stdoutIsTerminal() && process.env.NO_COLOR === undefined,
});

async function runLint(args: readonly string[], io: CliIo, deps: LintCommandDeps): Promise<ExitCode> {
  const options = parseOptions(args);
  if (options.help) {
    io.stdout(help);
    return ExitCode.ok;
  }
  const config = await loadConfig(options.config, deps.cwd);
  const { paths, discovered } = await expandInputs(options.inputs, deps.cwd);
  const workerOptions = { config, kubernetesVersion: options.kubernetesVersion, profile: options.profile };
  const clusterFacts = () => (options.usage === undefined ? undefined : usageFacts(resolve(deps.cwd, options.usage), options.recommender, io));
  // A large tree is linted on every core (lint-pool.ts), unless a kustomization is among its files
  // (its render replaces files): then here, as one set.
  let run: LintRun | undefined;
  const pool = await lintPool(paths, discovered, deps.cwd, workerOptions, async () => deps.pool ?? bundlePlace());
  if (pool !== undefined) {
    const outcomes = await pool.outcomes();
    if (outcomes.every((outcome) => !outcome.kustomization)) run = await pooledRun(paths, outcomes, io, deps, async () => pool.findings(await clusterFacts()));
    else pool.stop();
  }
  run ??= await singleRun(paths, discovered, io, deps, async (files) => {
    const cluster = await clusterFacts();
    const kustomize = await lintKustomizations(files, { cwd: deps.cwd, kubectl: deps.kubectl ?? 'kubectl', io });
    const findings = lint(kustomize.files, { ...workerOptions, schema: await loadBundledSchema(), ...(cluster === undefined ? {} : { cluster }) });
    return { findings: kustomize.trace(findings), sources: kustomize.sources };
  });
  const { findings, fileCount, skipped, linesOf } = run;
  io.stdout(format(options.format, findings, fileCount, linesOf, deps.colour));
  if (skipped > 0 && !options.allowSkipped) {
    io.stderr(`kube-workbench lint: ${skipped} file${skipped === 1 ? '' : 's'} not linted (see above): exit 2; --allow-skipped accepts that\n`);
    return ExitCode.usage;
  }
  return findings.some((finding) => rank(finding.severity) >= rank(options.failOn)) ? ExitCode.failure : ExitCode.ok;
}

/** What a run found, whichever way the files were linted. */
interface LintRun {
  readonly findings: Finding[];
  readonly fileCount: number;
  /** Files not linted (too large, binary): each was named on stderr. */
  readonly skipped: number;
  readonly linesOf: (path: string) => LineIndex;
}

/** Reads and parses the inputs here, one after another, and lints them as one set. */
async function singleRun(paths: readonly string[], discovered: ReadonlySet<string>, io: CliIo, deps: LintCommandDeps, lintFiles: (files: LintFile[]) => Promise<{ findings: Finding[]; sources: readonly LintFile[] }>): Promise<LintRun> {
  const files: LintFile[] = [];
  let skipped = 0;
  for (const input of paths) {
    const name = input === '-' ? '<stdin>' : input;
    const text = input === '-' ? await deps.readStdin(MAX_MANIFEST_BYTES) : await readFileCapped(resolve(deps.cwd, input), MAX_MANIFEST_BYTES, input);
    const file = text === undefined ? undefined : createLintFile(name, text);
    const reason = file === undefined ? tooLarge : file.parsed.skipped;
    if (reason !== undefined) {
      io.stderr(`${name}: ${reason}\n`);
      skipped += 1;
    }
    if (file === undefined) continue;
    // Found by walking a folder and not Kubernetes (Helm values, CI configs): left alone, as in the editor.
    // Kustomizations stay: they name the partial patch files and are rendered.
    if (leftAlone(file, discovered.has(input))) continue;
    files.push(file);
  }
  const { findings, sources } = await lintFiles(files);
  const byPath = new Map([...files, ...sources].map((file) => [file.path, file]));
  return { findings, fileCount: files.length, skipped, linesOf: (path) => (byPath.get(path) as LintFile).lines() };
}

/** The pool's run: what its workers found each input to be, reported in input order as singleRun does, and its findings. */
async function pooledRun(paths: readonly string[], outcomes: readonly FileOutcome[], io: CliIo, deps: LintCommandDeps, findings: () => Promise<Finding[]>): Promise<LintRun> {
  const texts = new Map<string, string>();
  let skipped = 0;
  for (const [index, outcome] of outcomes.entries()) {
    const input = paths[index] as string;
    // A file the worker could not read: read here, to fail or skip it as one thread does.
    const reason = outcome.state === 'unread' ? ((await readFileCapped(resolve(deps.cwd, input), MAX_MANIFEST_BYTES, input)) === undefined ? tooLarge : 'skipped: changed while being read') : outcome.skipped;
    if (reason !== undefined) {
      io.stderr(`${input}: ${reason}\n`);
      skipped += 1;
    }
    if (outcome.text !== undefined) texts.set(input, outcome.text);
  }
  const lines = new Map<string, LineIndex>();
  const linesOf = (path: string): LineIndex => {
    let index = lines.get(path);
    if (index === undefined) lines.set(path, (index = new LineIndex(texts.get(path) ?? '')));
    return index;
  };
  return { findings: await findings(), fileCount: texts.size, skipped, linesOf };
}

interface Options {
  readonly inputs: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly config: string | undefined;
  readonly failOn: Severity;
  readonly kubernetesVersion: string | undefined;
  readonly usage: string | undefined;
  /** The recommender flags as given; converted when the usage file is read. */
  readonly recommender: Readonly<Record<string, string>>;
  readonly profile: ProfileName | undefined;
  readonly allowSkipped: boolean;
  readonly help: boolean;
}

function parseOptions(args: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        'max-severity': { type: 'string' },
        'kubernetes-version': { type: 'string' },
        usage: { type: 'string' },
        ...RECOMMENDER_FLAG_OPTIONS,
        profile: { type: 'string' },
        'allow-skipped': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format '${format}' (text, json or sarif)`);
  const failOn = values['fail-on'] ?? values['max-severity'] ?? 'error';
  if (!severities.includes(failOn as Severity)) throw new UsageError(`unknown level '${failOn}' (error, warning, info or hint)`);
  const version = values['kubernetes-version'];
  if (version !== undefined && !/^v?\d+\.\d+$/.test(version)) throw new UsageError(`--kubernetes-version wants MAJOR.MINOR, not '${version}'`);
  const profile = values.profile;
  if (profile !== undefined && !isProfileName(profile)) throw new UsageError(`unknown profile '${profile}' (${profileNames.join(', ')})`);
  if (positionals.length === 0 && !values.help) throw new UsageError('no input: give paths, globs or - for stdin (see --help)');
  const recommender = recommenderFlagValues(values);
  if (values.usage === undefined && Object.keys(recommender).length > 0) throw new UsageError(`--${Object.keys(recommender)[0]} goes with --usage`);
  return { inputs: positionals, format, config: values.config, failOn: failOn as Severity, kubernetesVersion: version?.replace(/^v/, ''), usage: values.usage, recommender, profile, allowSkipped: values['allow-skipped'], help: values.help };
}

/** The allocator's suggestions from a usage file; the workload's kind is unknown there ('*'). */
async function usageFacts(path: string, flags: Readonly<Record<string, string>>, io: CliIo): Promise<ClusterFacts> {
  // Imported here: the allocator builds its histogram buckets when loaded, which a plain lint does not need.
  const [{ readUsageFile }, { requestSuggestion }, { recommenderFlags }] = await Promise.all([import('./usage-file.ts'), import('../core/lint/request-suggestions.ts'), import('./recommender-flags.ts')]);
  const { aggregator } = await readUsageFile(path, undefined, io, recommenderFlags(flags));
  const suggestions = aggregator.recommendations().flatMap(({ namespace, workload, container, recommendation }) => {
    if (recommendation === undefined) return [];
    const source = { kind: '*', name: workload, container, recommendation };
    return [requestSuggestion({ ...source, namespace }), requestSuggestion({ ...source, namespace: undefined })];
  });
  return { suggestions };
}

/** The project config: --config, else the nearest .kube-workbench.yaml from the current folder up. */
async function loadConfig(explicit: string | undefined, cwd: string): Promise<LintConfig | undefined> {
  let path = explicit === undefined ? undefined : resolve(cwd, explicit);
  for (let folder = resolve(cwd); path === undefined; folder = dirname(folder)) {
    const candidate = join(folder, projectConfigFileName);
    if (isFile(candidate)) path = candidate;
    if (dirname(folder) === folder) break;
  }
  if (path === undefined) return undefined;
  const text = await readInputFile(path);
  const { config, errors } = parseProjectConfig(text, allRules.map((rule) => rule.id));
  if (errors.length > 0) throw new UsageError(`${path}: ${errors.join('; ')}`);
  return config;
}

// Synchronous file system calls here and in the walk: inputs are expanded one after another, and
// node:fs/promises costs a one-file lint ~10 ms to load.
function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

const globCharacters = /[*?[\]{}]/;

/**
 * Paths, directories (recursively, *.yaml and *.yml) and globs, in order, each file once (by real
 * path); `discovered` holds the files found inside directories rather than named or matched.
 */
async function expandInputs(inputs: readonly string[], cwd: string): Promise<{ paths: string[]; discovered: Set<string> }> {
  const paths: string[] = [];
  const discovered = new Set<string>();
  const visited = newVisited();
  // Loops, not push(...list): a spread of 120,000 paths overflows the call stack.
  const add = (list: readonly string[], found: boolean): void => {
    for (const path of list) {
      const normalised = normalise(path, cwd);
      paths.push(normalised);
      if (found) discovered.add(normalised);
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      if (!paths.includes(input)) paths.push(input);
    } else if (globCharacters.test(input)) {
      const matches: string[] = [];
      for (const match of globSync(input, { cwd })) if (isNewFile(resolve(cwd, match), visited)) matches.push(match);
      if (matches.length === 0) throw new UsageError(`no file matches ${input}`);
      add(matches.sort(), false);
    } else {
      const info = statInput(resolve(cwd, input), input);
      if (!info.isDirectory()) {
        // Named inputs are read whatever they are (a FIFO, /dev/stdin), up to the size bound.
        if (firstVisit(visited, realpathSync(resolve(cwd, input)))) paths.push(normalise(input, cwd));
      } else {
        add(walkManifests(resolve(cwd, input), visited).map((path) => join(input, relative(resolve(cwd, input), path))), true);
      }
    }
  }
  return { paths, discovered };
}

/** A file matched by a glob (not a folder) not yet seen under another path. */
function isNewFile(path: string, visited: Visited): boolean {
  if (!isFile(path)) return false;
  return firstVisit(visited, realpathSync(path));
}

function statInput(path: string, input: string): ReturnType<typeof statSync> & object {
  try {
    return statSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function normalise(path: string, cwd: string): string {
  return path === '-' ? path : relative(cwd, resolve(cwd, path)) || path;
}

function format(kind: Options['format'], findings: readonly Finding[], fileCount: number, linesOf: (path: string) => LineIndex, colour: boolean): string {
  if (kind === 'sarif') {
    const sarif = toSarif(findings, allRules, { name: 'kube-workbench', version: packageJson.version }, linesOf, (path) => path.split(sep).join('/'));
    return `${JSON.stringify(sarif, null, 2)}\n`;
  }
  const located = findings.map((finding) => ({ finding, start: linesOf(finding.path).position(finding.range.start), end: linesOf(finding.path).position(finding.range.end) }));
  if (kind === 'json') {
    const entries = located.map(({ finding, start, end }) => ({
      ...finding,
      start: { line: start.line + 1, column: start.column + 1 },
      end: { line: end.line + 1, column: end.column + 1 },
    }));
    return `${JSON.stringify({ files: fileCount, findings: entries }, null, 2)}\n`;
  }
  const lines = located.map(({ finding, start }) => {
    const severity = colour ? `${colours[finding.severity]}${finding.severity}\x1b[0m` : finding.severity;
    return `${terminalField(finding.path)}:${start.line + 1}:${start.column + 1} ${severity} ${finding.ruleId} ${terminalField(finding.message)}\n`;
  });
  const counts = severities.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  const summary = counts.length === 0 ? 'no findings' : counts.map(([severity, count]) => `${count} ${severity}${count === 1 || severity === 'info' ? '' : 's'}`).join(', ');
  return `${lines.join('')}${fileCount} file${fileCount === 1 ? '' : 's'} linted: ${summary}\n`;
}
