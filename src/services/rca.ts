/**
 * Root cause analysis of an incident: thoughts streamed by the agent,
 * suggestions, and citations of tool runs that thoughts refer to as [n].
 */
import { NotFoundError, ValidationError } from "../errors.ts";
import {
  getSuggestion,
  getThought,
  insertCitation,
  insertSuggestion,
  insertThought,
  listCitations as listCitationsQuery,
  listSuggestions as listSuggestionsQuery,
  listThoughts as listThoughtsQuery,
  lockIncidentForCitation,
  markSuggestionApplied as markSuggestionAppliedQuery,
  resolveThoughtCitations as resolveThoughtCitationsQuery,
  type IGetThoughtResult,
  type IInsertCitationResult,
  type IInsertSuggestionResult,
} from "../../generated/rca.queries.ts";
import { compileValidator } from "../validation/ajv.ts";
import {
  CITATION_STATUSES,
  SUGGESTION_RISKS,
  SUGGESTION_TYPES,
  THOUGHT_TYPES,
  type CitationStatus,
  type SuggestionRisk,
  type SuggestionType,
  type ThoughtType,
} from "../validation/enums.ts";
import {
  BIGINT_ID,
  OPTIONAL_BIGINT_ID,
  OPTIONAL_INSTANT,
  PAGE_SIZE,
  TEXT_LIMITS,
  URL,
  UUID,
  enumField,
  inputObject,
  integer,
  optionalText,
  text,
} from "../validation/fields.ts";
import { incidentNotFound, type Instant } from "./incidents.ts";
import { pageSize } from "./pagination.ts";
import {
  organizationMissing,
  runFirst,
  runOne,
  runQuery,
  type MissingReferences,
  type Queryable,
} from "./run.ts";

export type Thought = IGetThoughtResult;
export type Suggestion = IInsertSuggestionResult;
export type Citation = IInsertCitationResult;

function incidentMissing(table: string, incidentId: string): MissingReferences {
  return {
    ...organizationMissing(table),
    [`${table}_org_id_incident_id_fkey`]: incidentNotFound(incidentId),
  };
}

export interface AppendThoughtInput {
  incidentId: string;
  type: ThoughtType;
  /** Text of the thought, where [n] marks refer to citation keys of the incident. */
  content: string;
}

const parseAppendThought = compileValidator<AppendThoughtInput>(
  "thought",
  inputObject(
    {
      incidentId: UUID,
      type: enumField(THOUGHT_TYPES),
      content: text(TEXT_LIMITS.thought),
    },
    ["incidentId", "type", "content"],
  ),
);

/** Appends a thought. Listeners of aurora_thoughts are notified when the transaction commits. */
export async function appendThought(
  tx: Queryable,
  input: AppendThoughtInput,
): Promise<Thought> {
  const thought = parseAppendThought(input);
  const [row] = await runQuery(
    tx,
    insertThought,
    thought,
    incidentMissing("incident_thoughts", thought.incidentId),
  );
  return row!;
}

export interface ListThoughtsInput {
  incidentId: string;
  /** Id of the last thought the caller has. The list starts after it. */
  afterId?: string | number | null;
  limit?: number | null;
}

export interface ThoughtPage {
  items: Thought[];
  /** Id to pass as afterId for the next page or poll: the last item's id, else the given afterId. */
  lastId: string | null;
}

const parseListThoughts = compileValidator<ListThoughtsInput>(
  "thought list",
  inputObject(
    { incidentId: UUID, afterId: OPTIONAL_BIGINT_ID, limit: PAGE_SIZE },
    ["incidentId"],
  ),
);

/**
 * Lists thoughts of an incident in stream order, after `afterId` when given.
 * An afterId that names no thought of the organization gives an empty page.
 */
export async function listThoughts(
  tx: Queryable,
  input: ListThoughtsInput,
): Promise<ThoughtPage> {
  const { incidentId, afterId, limit } = parseListThoughts(input);
  const after = afterId == null ? null : String(afterId);
  const items = await runQuery(tx, listThoughtsQuery, {
    incidentId,
    afterId: after,
    limit: pageSize(limit),
  });
  return { items, lastId: items.at(-1)?.id ?? after };
}

export interface AddSuggestionInput {
  incidentId: string;
  type: SuggestionType;
  title: string;
  description?: string | null;
  /** Command to run, for diagnostic and mitigation suggestions. */
  command?: string | null;
  /** safe by default. */
  risk?: SuggestionRisk | null;
  /** The fields below are only for fix suggestions. */
  filePath?: string | null;
  originalContent?: string | null;
  suggestedContent?: string | null;
  /** Repository of the file, as owner/name. */
  repository?: string | null;
  prUrl?: string | null;
  prNumber?: number | null;
}

const FIX_ONLY_FIELDS = [
  "filePath",
  "originalContent",
  "suggestedContent",
  "repository",
  "prUrl",
  "prNumber",
] as const;

const OPTIONAL_URL = { anyOf: [{ type: "null" }, URL] };

const parseAddSuggestion = compileValidator<AddSuggestionInput>(
  "suggestion",
  inputObject(
    {
      incidentId: UUID,
      type: enumField(SUGGESTION_TYPES),
      title: text(TEXT_LIMITS.title),
      description: optionalText(TEXT_LIMITS.description),
      command: optionalText(TEXT_LIMITS.command),
      risk: enumField(SUGGESTION_RISKS, true),
      filePath: optionalText(TEXT_LIMITS.path),
      originalContent: optionalText(TEXT_LIMITS.document),
      suggestedContent: optionalText(TEXT_LIMITS.document),
      repository: {
        ...optionalText(TEXT_LIMITS.name),
        pattern: "^[^/\\s]+/[^/\\s]+$",
      },
      prUrl: OPTIONAL_URL,
      prNumber: { anyOf: [{ type: "null" }, integer(1)] },
    },
    ["incidentId", "type", "title"],
  ),
);

/** Adds a suggestion. File and pull request fields are rejected unless the type is fix. */
export async function addSuggestion(
  tx: Queryable,
  input: AddSuggestionInput,
): Promise<Suggestion> {
  const suggestion = parseAddSuggestion(input);
  assertFixFields(suggestion);
  const [row] = await runQuery(
    tx,
    insertSuggestion,
    {
      incidentId: suggestion.incidentId,
      type: suggestion.type,
      title: suggestion.title,
      description: suggestion.description ?? null,
      command: suggestion.command ?? null,
      risk: suggestion.risk ?? null,
      filePath: suggestion.filePath ?? null,
      originalContent: suggestion.originalContent ?? null,
      suggestedContent: suggestion.suggestedContent ?? null,
      repository: suggestion.repository ?? null,
      prUrl: suggestion.prUrl ?? null,
      prNumber: suggestion.prNumber ?? null,
    },
    incidentMissing("incident_suggestions", suggestion.incidentId),
  );
  return row!;
}

function assertFixFields(suggestion: AddSuggestionInput): void {
  if (suggestion.type === "fix") return;
  const issues = FIX_ONLY_FIELDS.filter(
    (field) => suggestion[field] != null,
  ).map((field) => ({
    path: `/${field}`,
    message: `is only allowed for fix suggestions, not ${suggestion.type}`,
  }));
  if (issues.length === 0) return;
  throw new ValidationError(
    `Invalid suggestion: ${issues[0]!.path} ${issues[0]!.message}.`,
    issues,
  );
}

const parseIncidentId = compileValidator<string>(
  "incident id",
  UUID,
  "/incidentId",
);

/** Lists the suggestions of an incident in the order they were added. */
export async function listSuggestions(
  tx: Queryable,
  incidentId: string,
): Promise<Suggestion[]> {
  const id = parseIncidentId(incidentId);
  return runQuery(tx, listSuggestionsQuery, { incidentId: id });
}

export interface MarkSuggestionAppliedInput {
  id: string | number;
  prUrl?: string | null;
  prNumber?: number | null;
}

const parseMarkApplied = compileValidator<MarkSuggestionAppliedInput>(
  "applied suggestion",
  inputObject(
    {
      id: BIGINT_ID,
      prUrl: OPTIONAL_URL,
      prNumber: { anyOf: [{ type: "null" }, integer(1)] },
    },
    ["id"],
  ),
);

/**
 * Records that a fix suggestion was applied (the first time is kept).
 * Throws NotFoundError when it does not exist and ValidationError when it is
 * not a fix.
 */
export async function markSuggestionApplied(
  tx: Queryable,
  input: MarkSuggestionAppliedInput,
): Promise<Suggestion> {
  const { id, prUrl, prNumber } = parseMarkApplied(input);
  const suggestionId = String(id);
  const row = await runFirst(tx, markSuggestionAppliedQuery, {
    id: suggestionId,
    prUrl: prUrl ?? null,
    prNumber: prNumber ?? null,
  });
  if (row !== undefined) return row;
  const existing = await runOne(
    tx,
    getSuggestion,
    { id: suggestionId },
    `Suggestion ${suggestionId} not found in the organization in context.`,
  );
  throw new ValidationError(
    `Invalid applied suggestion: suggestion ${suggestionId} is a ${existing.type} suggestion; only fix suggestions can be applied.`,
    [
      {
        path: "/id",
        message: `must be a fix suggestion, not ${existing.type}`,
      },
    ],
  );
}

export interface AddCitationInput {
  incidentId: string;
  /** Name of the tool that ran, such as kubectl. */
  tool: string;
  command?: string | null;
  output?: string | null;
  /** success by default. */
  status?: CitationStatus | null;
  executedAt?: Instant | null;
  durationMs?: number | null;
}

const parseAddCitation = compileValidator<AddCitationInput>(
  "citation",
  inputObject(
    {
      incidentId: UUID,
      tool: text(TEXT_LIMITS.label),
      command: optionalText(TEXT_LIMITS.command),
      output: optionalText(TEXT_LIMITS.document),
      status: enumField(CITATION_STATUSES, true),
      executedAt: OPTIONAL_INSTANT,
      durationMs: { anyOf: [{ type: "null" }, integer(0)] },
    },
    ["incidentId", "tool"],
  ),
);

/**
 * Adds a citation with the next key of the incident (1, 2, ...). The
 * incident row is locked first, so concurrent writers get consecutive keys.
 * NOTE: this relies on read committed isolation, the pool's default. Under
 * repeatable read, a concurrent writer gets a ConflictError on
 * incident_citations_org_id_incident_id_citation_key_key and must run the
 * unit of work again.
 */
export async function addCitation(
  tx: Queryable,
  input: AddCitationInput,
): Promise<Citation> {
  const citation = parseAddCitation(input);
  await runOne(
    tx,
    lockIncidentForCitation,
    { incidentId: citation.incidentId },
    incidentNotFound(citation.incidentId),
  );
  const [row] = await runQuery(
    tx,
    insertCitation,
    {
      incidentId: citation.incidentId,
      tool: citation.tool,
      command: citation.command ?? null,
      output: citation.output ?? null,
      status: citation.status ?? null,
      executedAt: citation.executedAt ?? null,
      durationMs: citation.durationMs ?? null,
    },
    incidentMissing("incident_citations", citation.incidentId),
  );
  return row!;
}

/** Lists the citations of an incident by key. */
export async function listCitations(
  tx: Queryable,
  incidentId: string,
): Promise<Citation[]> {
  const id = parseIncidentId(incidentId);
  return runQuery(tx, listCitationsQuery, { incidentId: id });
}

export interface ThoughtCitations {
  /** Citations the thought's [n] marks refer to, by key. */
  citations: Citation[];
  /** Keys of marks that refer to no citation of the incident. */
  missingKeys: number[];
}

const parseThoughtId = compileValidator<string | number>(
  "thought id",
  BIGINT_ID,
  "/thoughtId",
);

/** Resolves the [n] marks in a thought's content to the incident's citations. */
export async function resolveThoughtCitations(
  tx: Queryable,
  thoughtId: string | number,
): Promise<ThoughtCitations> {
  const id = String(parseThoughtId(thoughtId));
  const rows = await runQuery(tx, resolveThoughtCitationsQuery, {
    thoughtId: id,
  });
  if (rows.length === 0) {
    const thought = await runFirst(tx, getThought, { id });
    if (thought === undefined) {
      throw new NotFoundError(
        `Thought ${id} not found in the organization in context.`,
      );
    }
  }
  const citations: Citation[] = [];
  const missingKeys: number[] = [];
  for (const row of rows) {
    if (row.id === null) {
      missingKeys.push(row.citationKey);
    } else {
      // The outer join found the citation, so every column of it is set.
      citations.push(row as Citation);
    }
  }
  return { citations, missingKeys };
}
