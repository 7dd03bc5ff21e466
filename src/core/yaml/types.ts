/** A span of the source text: zero-based UTF-16 offsets, end exclusive. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A parse problem kept as data (STYLE.md model 7): the adapters turn the offset into a position. */
export interface YamlError {
  readonly message: string;
  readonly offset: number;
  /** End of the offending token (exclusive), at least offset + 1 unless at the end of the text. */
  readonly end: number;
}

export interface YamlDocument {
  /** Zero-based position of the document in its file. */
  readonly index: number;
  /** The constructed value: plain objects, arrays and scalars; null for an empty document. */
  readonly value: unknown;
  /** First node of the document (its first key for a mapping); undefined when the document is empty. */
  readonly firstNode: Range | undefined;
  /** Set when the document is not valid YAML; `value` is then not to be trusted. */
  readonly error: YamlError | undefined;
}

/** Where each key and value of a mapping sits. */
export interface MappingEntry {
  readonly key: Range;
  readonly value: Range;
}
