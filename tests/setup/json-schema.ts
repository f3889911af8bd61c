// A small JSON Schema (2020-12 subset) validator for contract tests: checks API responses against the schemas
// of the served OpenAPI document, independently of the zod schemas they were generated from. It covers what
// z.toJSONSchema emits: $ref, type, properties/required/additionalProperties, items, enum/const, anyOf/oneOf/
// allOf, pattern, string and array lengths, numeric bounds, propertyNames. An unknown keyword fails loudly.

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "pattern",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "propertyNames",
  "format",
  "description",
  "default",
  "title",
  "examples",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

export function validateJsonSchema(value: unknown, schema: Schema, root: Schema, path = "$"): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) return [`${path}: unsupported keyword ${key}`];
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Schema)?.[part], root);
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return validateJsonSchema(value, target as Schema, root, path);
  }
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  const sub = (v: unknown, s: unknown, p: string) => validateJsonSchema(v, s as Schema, root, p);

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t)))
      return [`${path}: expected ${types.join("|")}, got ${typeOf(value)}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    fail(`${JSON.stringify(value)} not in enum`);
  if ("const" in schema && schema.const !== value) fail(`expected const ${JSON.stringify(schema.const)}`);
  if (schema.anyOf && !(schema.anyOf as unknown[]).some((s) => sub(value, s, path).length === 0))
    fail("matches no anyOf branch");
  if (
    schema.oneOf &&
    (schema.oneOf as unknown[]).filter((s) => sub(value, s, path).length === 0).length !== 1
  )
    fail("does not match exactly one oneOf branch");
  for (const s of (schema.allOf as unknown[] | undefined) ?? []) errors.push(...sub(value, s, path));

  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      fail(`"${value}" does not match ${schema.pattern}`);
    if (typeof schema.minLength === "number" && [...value].length < schema.minLength) fail("too short");
    if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) fail("too long");
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum)
      fail(`${value} < minimum ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum)
      fail(`${value} > maximum ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail("too few items");
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail("too many items");
    if (schema.items) value.forEach((item, i) => errors.push(...sub(item, schema.items, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, unknown> | undefined) ?? {};
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in object)) fail(`missing required property ${key}`);
    for (const [key, v] of Object.entries(object)) {
      if (schema.propertyNames) errors.push(...sub(key, schema.propertyNames, `${path}.${key}(name)`));
      if (key in properties) errors.push(...sub(v, properties[key], `${path}.${key}`));
      else if (schema.additionalProperties === false) fail(`unexpected property ${key}`);
      else if (typeof schema.additionalProperties === "object")
        errors.push(...sub(v, schema.additionalProperties, `${path}.${key}`));
    }
  }
  return errors;
}

/** Errors of `value` against the OpenAPI document's component schema `id`; [] when valid. */
export function validateAgainstComponent(document: Schema, id: string, value: unknown): string[] {
  return validateJsonSchema(value, { $ref: `#/components/schemas/${id}` }, document);
}
