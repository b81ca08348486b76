/**
 * Schema fragments for the inputs of the services, and the limits they
 * apply. Text limits count Unicode code points, as JSON Schema's maxLength
 * does. Optional fields accept null as "not given".
 */

/** Maximum lengths of text inputs, in Unicode code points. */
export const TEXT_LIMITS = {
  /** Incident, suggestion and chat session titles. */
  title: 1000,
  /** Incident descriptions and summaries, suggestion descriptions. */
  description: 65_536,
  /** Service and environment names, as the alert ingest limits them. */
  name: 255,
  /** Thought content. */
  thought: 100_000,
  /** Text of a chat message (its `text` field or one text part). */
  messageText: 100_000,
  /** Commands of suggestions and citations. */
  command: 10_000,
  /** Tool output of a citation, and file contents of a fix suggestion. */
  document: 1_000_000,
  /** Paths of files, and URLs. */
  path: 4096,
  /** Preference keys, 1 to 200 as the table allows. */
  preferenceKey: 200,
  /** Vault references, up to 1000 as the table allows. */
  secretRef: 1000,
  /** Model, provider and request type of LLM usage. */
  llmLabel: 200,
  /** Organization and integration names, up to 200 as the tables allow. */
  label: 200,
} as const;

/** Default and maximum page sizes of lists. */
export const PAGE_LIMITS = { default: 50, max: 500 } as const;

/** Returns a schema of a required string of 1 to `maxLength` code points that PostgreSQL can store. */
export function text(maxLength: number, minLength = 1): object {
  return { type: "string", minLength, maxLength, storableText: true };
}

/** Returns a schema of an optional string: absent, null, or 0 to `maxLength` code points. */
export function optionalText(maxLength: number): object {
  return { type: ["string", "null"], maxLength, storableText: true };
}

/** Returns a schema of one of `values`, or of null too with `nullable`. */
export function enumField(values: readonly string[], nullable = false): object {
  return nullable
    ? { type: ["string", "null"], enum: [...values, null] }
    : { type: "string", enum: [...values] };
}

/** Returns a schema of one value of `values`, a non-empty list of them, or null. */
export function oneOrMany(values: readonly string[]): object {
  return {
    anyOf: [
      { type: "null" },
      { type: "string", enum: [...values] },
      {
        type: "array",
        items: { type: "string", enum: [...values] },
        minItems: 1,
        maxItems: values.length,
        uniqueItems: true,
      },
    ],
  };
}

export const UUID = { type: "string", uuid: true };
export const OPTIONAL_UUID = {
  anyOf: [{ type: "null" }, { type: "string", uuid: true }],
};
export const BIGINT_ID = { bigintId: true };
export const OPTIONAL_BIGINT_ID = {
  anyOf: [{ type: "null" }, { bigintId: true }],
};
export const INSTANT = { instant: true };
export const OPTIONAL_INSTANT = {
  anyOf: [{ type: "null" }, { instant: true }],
};

/** Returns a schema of an integer from `minimum` to `maximum` (2^31 - 1, the integer type's limit, by default). */
export function integer(minimum = 0, maximum = 2_147_483_647): object {
  return { type: "integer", minimum, maximum };
}

export const PAGE_SIZE = {
  type: ["integer", "null"],
  minimum: 1,
  maximum: PAGE_LIMITS.max,
};

/** An opaque cursor returned as `next` by a list. */
export const CURSOR = { type: ["string", "null"], maxLength: 500 };

/** A Vault reference, written vault:<path>, as the tables' checks require. */
export const SECRET_REF = {
  type: "string",
  maxLength: TEXT_LIMITS.secretRef,
  pattern: "^vault:\\S+$",
  storableText: true,
};

/** An http or https URL. */
export const URL = {
  type: "string",
  maxLength: TEXT_LIMITS.path,
  format: "uri",
  pattern: "^https?://",
  storableText: true,
};

/** Returns an object schema that rejects unknown fields. */
export function inputObject(
  properties: Record<string, object>,
  required: readonly string[] = [],
): object {
  return {
    type: "object",
    properties,
    required: [...required],
    additionalProperties: false,
  };
}
