// The start of a response body, for error answers: a Status object or an error page is small, and a
// server that sends more (a broken proxy, an endless stream) must not fill memory.

/** The first `maxBytes` of a body as text; the rest is not read (the stream is cancelled). */
export async function leadingText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (body === null) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    bytes += chunk.length;
    if (bytes >= maxBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
