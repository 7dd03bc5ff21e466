// The real-world corpus of shared/ (see SOURCES.md there), read where it lies: shared/ sits beside the
// repository on every machine and in CI, so a missing folder is an error rather than a skipped test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const corpusUrl = new URL('../../../shared/corpus/real-world/', import.meta.url);

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Every YAML file of the corpus, sorted by name. */
export function readCorpus(): CorpusFile[] {
  if (!existsSync(corpusUrl)) throw new Error(`The real-world corpus is missing: ${fileURLToPath(corpusUrl)} (shared/ belongs beside the repository).`);
  return readdirSync(corpusUrl)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, corpusUrl), 'utf8') }));
}
