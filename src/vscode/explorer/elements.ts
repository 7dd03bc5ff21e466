// The Explorer's elements: small value objects naming what a row shows. The provider hands VS Code
// one object per id (ElementCache), so a change can refresh exactly the rows it touches.

/**
 * What each row type's element holds besides its type, id and context, keyed by type. Each file in
 * rows/ adds its own entry here (declaration merging) beside the row object that draws it, so a new
 * row type is one file plus its line in rows/index.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the row files
export interface ElementFields {}

export type ElementType = keyof ElementFields;

export type ElementOf<K extends ElementType> = { readonly type: K; readonly id: string; readonly context: string } & {
  readonly [F in keyof ElementFields[K]]: ElementFields[K][F];
};

export type Element = { [K in ElementType]: ElementOf<K> }[ElementType];

/** Hands out one object per id, so VS Code sees the same element across refreshes. */
export class ElementCache {
  private readonly elements = new Map<string, Element>();

  /** The element already handed out for this id, else `element`; `replace` for elements whose fields change (a status row's text). */
  get<E extends Element>(element: E, replace = false): E {
    const existing = this.elements.get(element.id);
    if (existing !== undefined && existing.type === element.type && !replace) return existing as E;
    this.elements.set(element.id, element);
    return element;
  }

  /** The element with this id, if it was handed out. */
  find(id: string): Element | undefined {
    return this.elements.get(id);
  }

  /** Forgets every element (after a kubeconfig reload or Refresh). */
  clear(): void {
    this.elements.clear();
  }
}
