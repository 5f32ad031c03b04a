// The part of JSON Schema (2020-12) that schema/campaign-plan.schema.json uses, evaluated without a
// validator package: type, properties, required, additionalProperties: false, items, pattern, enum,
// minLength, minItems, maxItems, minimum, maximum. A keyword it does not know fails loudly, so the
// schema cannot grow past what this checks unnoticed.
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'boolean' | 'integer';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  pattern?: string;
  enum?: string[];
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

const KNOWN = new Set([
  '$schema',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'pattern',
  'enum',
  'minLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function schemaErrors(schema: JsonSchema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`json-schema helper: unsupported keyword ${key} at ${path}`);
  const out: string[] = [];
  const typeOk = {
    object: isObject(value),
    array: Array.isArray(value),
    string: typeof value === 'string',
    boolean: typeof value === 'boolean',
    integer: Number.isInteger(value),
  };
  if (schema.type && !typeOk[schema.type]) return [`${path}: not ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value as string)) out.push(`${path}: not in enum`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: pattern`);
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${path}: minLength`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: maximum`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: minItems`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(`${path}: maxItems`);
    if (schema.items) value.forEach((v, i) => out.push(...schemaErrors(schema.items as JsonSchema, v, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) out.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      const inner = schema.properties?.[key];
      if (inner) out.push(...schemaErrors(inner, v, `${path}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
    }
  }
  return out;
}
