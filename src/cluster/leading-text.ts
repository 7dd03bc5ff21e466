// The start of a response body: an error answer (a Status object or an error page is small) or a
// list page under a caller's bound. A server that sends more (a broken proxy, an endless stream)
// must not fill memory.

/** The first `maxBytes` of a body; the rest is not read (the stream is cancelled). `complete`: the body ended within them. */
export async function leadingBytes(body: AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<{ readonly bytes: Buffer; readonly complete: boolean }> {
  if (body === null) return { bytes: Buffer.alloc(0), complete: true };
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    length += chunk.length;
    // Leaving the loop cancels the body.
    if (length > maxBytes) return { bytes: Buffer.concat(chunks, length).subarray(0, maxBytes), complete: false };
  }
  return { bytes: Buffer.concat(chunks, length), complete: true };
}

/** The first `maxBytes` of a body as text. */
export async function leadingText(body: AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<string> {
  return (await leadingBytes(body, maxBytes)).bytes.toString('utf8');
}
