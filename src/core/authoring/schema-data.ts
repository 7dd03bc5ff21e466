/**
 * The versioned schema behind completion and hover (schema-data/, written by
 * test/tools/generate-schema-versions.ts): the newest bundled Kubernetes version whole, each older one as
 * what differs from it, descriptions once for all versions. Compact types as in the lint snapshot: s, i,
 * n, b, a, q (quantity), io (int-or-string), [T], {T} or a model name.
 */

/** Compact type, description index (-1: none), 1 when required. */
export type FieldEntry = readonly [type: string, description: number, required?: 1];

export interface TypeData {
  readonly d: number;
  readonly f: Readonly<Record<string, FieldEntry>>;
}

export interface VersionDelta {
  /** `apiVersion Kind` → model in this version, or null where the newest version serves it and this one does not. */
  readonly kinds: Readonly<Record<string, string | null>>;
  /** A model this version lacks (null), or its own description and the fields that differ (null: absent here). */
  readonly types: Readonly<Record<string, { readonly d?: number; readonly f?: Readonly<Record<string, FieldEntry | null>> } | null>>;
}

export interface SchemaData {
  /** Oldest first; the last one is stored whole. */
  readonly versions: readonly string[];
  readonly sources: Readonly<Record<string, string>>;
  readonly kinds: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, TypeData>>;
  readonly deltas: Readonly<Record<string, VersionDelta>>;
  /** Description index → the values it lists as allowed. */
  readonly enums: Readonly<Record<string, readonly string[]>>;
  /** Description index → the default it states. */
  readonly defaults: Readonly<Record<string, string>>;
}

export interface ModelField {
  readonly type: string;
  readonly description: string | undefined;
  readonly required: boolean;
  readonly enum: readonly string[] | undefined;
  readonly default: string | undefined;
}

export interface Model {
  readonly name: string;
  readonly description: string | undefined;
  readonly fields: ReadonlyMap<string, ModelField>;
}

/** One bundled version's kinds and models, built from the data on first use. */
export interface VersionSchema {
  readonly version: string;
  /** `apiVersion Kind` → model name. */
  readonly kinds: ReadonlyMap<string, string>;
  model(name: string): Model | undefined;
}

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export class VersionedSchemas {
  private readonly schemas = new Map<string, VersionSchema>();
  private readonly data: SchemaData;
  private readonly descriptions: readonly string[];

  constructor(data: SchemaData, descriptions: readonly string[]) {
    this.data = data;
    this.descriptions = descriptions;
  }

  get versions(): readonly string[] {
    return this.data.versions;
  }

  /** The bundled version to use for `requested` (`1.32`, `v1.32.4`): itself, else the newest older one, else the oldest. */
  resolve(requested: string | undefined): string {
    const newest = this.data.versions.at(-1) as string;
    const wanted = /^v?(\d+\.\d+)/.exec(requested ?? '')?.[1];
    if (wanted === undefined) return newest;
    const older = this.data.versions.filter((version) => compareVersions(version, wanted) <= 0);
    return older.at(-1) ?? (this.data.versions[0] as string);
  }

  schema(version: string): VersionSchema {
    const resolved = this.resolve(version);
    let schema = this.schemas.get(resolved);
    if (schema === undefined) {
      schema = this.build(resolved);
      this.schemas.set(resolved, schema);
    }
    return schema;
  }

  /** The bundled versions whose `model` has `field`, oldest first. */
  versionsWith(model: string, field: string): string[] {
    return this.data.versions.filter((version) => this.schema(version).model(model)?.fields.has(field) === true);
  }

  private build(version: string): VersionSchema {
    const delta = this.data.deltas[version];
    const kinds = new Map(Object.entries(this.data.kinds));
    for (const [key, model] of Object.entries(delta?.kinds ?? {})) {
      if (model === null) kinds.delete(key);
      else kinds.set(key, model);
    }
    const models = new Map<string, Model | undefined>();
    const model = (name: string): Model | undefined => {
      if (!models.has(name)) models.set(name, this.buildModel(name, delta));
      return models.get(name);
    };
    return { version, kinds, model };
  }

  private buildModel(name: string, delta: VersionDelta | undefined): Model | undefined {
    const base = this.data.types[name];
    const change = delta?.types[name];
    if (change === null || (base === undefined && change === undefined)) return undefined;
    const entries = new Map<string, FieldEntry>(Object.entries(base?.f ?? {}));
    for (const [field, entry] of Object.entries(change?.f ?? {})) {
      if (entry === null) entries.delete(field);
      else entries.set(field, entry);
    }
    const fields = new Map<string, ModelField>();
    for (const [field, [type, description, required]] of entries) {
      fields.set(field, {
        type,
        description: this.descriptions[description],
        required: required === 1,
        enum: this.data.enums[description],
        default: this.data.defaults[description],
      });
    }
    return { name, description: this.descriptions[change?.d ?? base?.d ?? -1], fields };
  }
}
