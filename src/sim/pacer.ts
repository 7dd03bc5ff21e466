/**
 * Cooperative sharing of the one event loop: a long loop (a big list, eight days of Prometheus
 * series, a regex over every pod) calls the pacer at each item and, once it has run for a slice,
 * waits a turn so the requests queued meanwhile (a `/version`, a watch event) are answered.
 * Socket back-pressure alone does not do it: a fast reader never fills the buffer.
 */

/** Long enough that the pauses cost nothing measurable, short enough that a queued request waits at most this long per busy loop. */
const sliceMs = 10;

/** Returns a pause that resolves on the next turn of the event loop (after pending I/O) once a slice is used, else undefined. */
export function pacer(): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };
}
