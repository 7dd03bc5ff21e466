/**
 * Decodes the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) into the JSON object it
 * stands for, by the schemas of protobuf-schema.ts. kubectl's typed clients send protobuf bodies;
 * answers stay JSON, which they accept too.
 */
import { isObject } from './objects.ts';
import { schemas, type MessageSpec } from './protobuf-schema.ts';
import { badRequest, unsupportedMediaType } from './status.ts';

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

interface Field {
  readonly number: number;
  readonly wire: number;
  readonly value: bigint | Buffer;
}

function* fields(buffer: Buffer): Generator<Field> {
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buffer[offset++];
      if (byte === undefined || shift > 63n) throw badRequest('malformed protobuf body: truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
  };
  while (offset < buffer.length) {
    const key = Number(varint());
    const wire = key & 7;
    const number = key >>> 3;
    if (wire === 0) yield { number, wire, value: varint() };
    else if (wire === 2) {
      const length = Number(varint());
      if (offset + length > buffer.length) throw badRequest('malformed protobuf body: truncated field');
      yield { number, wire, value: buffer.subarray(offset, offset + length) };
      offset += length;
    } else if (wire === 1 || wire === 5) offset += wire === 1 ? 8 : 4;
    else throw badRequest(`malformed protobuf body: wire type ${wire}`);
  }
}

function bytes(field: Field): Buffer {
  if (!Buffer.isBuffer(field.value)) throw badRequest(`malformed protobuf body: field ${field.number} is not length-delimited`);
  return field.value;
}

/** int32/int64 varints are two's complement over 64 bits. */
function integer(field: Field): number {
  const value = typeof field.value === 'bigint' ? field.value : 0n;
  return Number(BigInt.asIntN(64, value));
}

function mapEntry(buffer: Buffer, valueType: string): [string, unknown] {
  let key = '';
  let value: unknown = '';
  for (const field of fields(buffer)) {
    if (field.number === 1) key = bytes(field).toString('utf8');
    else if (field.number === 2) {
      if (valueType === 'string') value = bytes(field).toString('utf8');
      else if (valueType === 'bytes') value = bytes(field).toString('base64');
      else value = [...fields(bytes(field))].find((inner) => inner.number === 1)?.value.toString() ?? '0';
    }
  }
  return [key, value];
}

function intOrString(buffer: Buffer): number | string {
  let kind = 0;
  let number = 0;
  let text = '';
  for (const field of fields(buffer)) {
    if (field.number === 1) kind = integer(field);
    else if (field.number === 2) number = integer(field);
    else if (field.number === 3) text = bytes(field).toString('utf8');
  }
  return kind === 1 ? text : number;
}

function decodeMessage(buffer: Buffer, spec: MessageSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields(buffer)) {
    const entry = spec[field.number];
    if (entry === undefined) continue;
    const [name, type, flags = ''] = entry;
    const keepZero = flags.includes('*');
    let value: unknown;
    if (type === 'string') value = bytes(field).toString('utf8');
    else if (type === 'int') value = integer(field);
    else if (type === 'bool') value = integer(field) !== 0;
    else if (type === 'intOrString') value = intOrString(bytes(field));
    else if (type.startsWith('map:')) {
      const [key, entryValue] = mapEntry(bytes(field), type.slice(4));
      // Filled in place: copying the map (or list below) per entry made a 3 MiB body of tiny entries take hours.
      ((result[name] ??= {}) as Record<string, unknown>)[key] = entryValue;
      continue;
    } else {
      const nested = schemas[type];
      if (nested === undefined) continue;
      value = decodeMessage(bytes(field), nested);
    }
    if (flags.includes('repeated')) {
      ((result[name] ??= []) as unknown[]).push(value);
      continue;
    }
    // gogo-protobuf writes every non-pointer field, zero or not; JSON omits empty ones.
    const empty = value === '' || value === 0 || value === false || (isObject(value) && Object.keys(value).length === 0);
    if (!empty || keepZero) result[name] = value;
  }
  return result;
}

/** A protobuf request body as the JSON object of its kind. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < magic.length || !body.subarray(0, magic.length).equals(magic)) throw badRequest('malformed protobuf body: missing the k8s envelope');
  let apiVersion = '';
  let kind = '';
  let raw: Buffer = Buffer.alloc(0);
  for (const field of fields(body.subarray(magic.length))) {
    if (field.number === 1) {
      for (const inner of fields(bytes(field))) {
        if (inner.number === 1) apiVersion = bytes(inner).toString('utf8');
        else if (inner.number === 2) kind = bytes(inner).toString('utf8');
      }
    } else if (field.number === 2) raw = bytes(field);
  }
  const spec = schemas[kind];
  if (spec === undefined) throw unsupportedMediaType(`application/vnd.kubernetes.protobuf for ${kind}`);
  return { apiVersion, kind, ...decodeMessage(raw, spec) };
}
