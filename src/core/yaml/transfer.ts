import type { ParsedYaml } from './parse.ts';
import { Positions, type PositionsTransfer } from './positions.ts';
import type { YamlDocument } from './types.ts';

/** A parsed file as plain data, for postMessage between threads (one message: see Positions.toTransfer). */
export interface ParsedTransfer {
  readonly text: string;
  readonly documents: readonly YamlDocument[];
  readonly positions: PositionsTransfer;
  readonly skipped: string | undefined;
}

export function toTransfer(parsed: ParsedYaml): ParsedTransfer {
  return { text: parsed.text, documents: parsed.documents, positions: parsed.positions.toTransfer(), skipped: parsed.skipped };
}

export function fromTransfer(transfer: ParsedTransfer): ParsedYaml {
  return { text: transfer.text, documents: transfer.documents, positions: Positions.fromTransfer(transfer.positions), skipped: transfer.skipped };
}
