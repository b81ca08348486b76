/** Types generated for queries found in "queries/rca.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type citation_status = 'error' | 'success' | 'timeout';

export type suggestion_risk = 'high' | 'medium' | 'safe';

export type suggestion_type = 'diagnostic' | 'fix' | 'investigation' | 'mitigation';

export type thought_type = 'analysis' | 'conclusion' | 'evidence' | 'hypothesis';

export type DateOrString = Date | string;

/** 'InsertThought' parameters type */
export interface IInsertThoughtParams {
  content: string;
  incidentId: string;
  type: thought_type;
}

/** 'InsertThought' return type */
export interface IInsertThoughtResult {
  /** Text of the thought; [n] marks refer to incident_citations.citation_key of the incident. */
  content: string;
  createdAt: Date;
  id: string;
  incidentId: string;
  type: thought_type;
}

/** 'InsertThought' query type */
export interface IInsertThoughtQuery {
  params: IInsertThoughtParams;
  result: IInsertThoughtResult;
}

const insertThoughtIR: any = {"usedParamSet":{"incidentId":true,"type":true,"content":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":191,"b":202}]},{"name":"type","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":210}]},{"name":"content","required":true,"transform":{"type":"scalar"},"locs":[{"a":213,"b":221}]}],"statement":"-- The trigger _500_notify_new_thought sends NOTIFY aurora_thoughts when the transaction commits.\ninsert into incident_thoughts (org_id, incident_id, type, content)\nvalues (current_org_id(), :incidentId!, :type!, :content!)\nreturning id, incident_id as \"incidentId\", type, content, created_at as \"createdAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- The trigger _500_notify_new_thought sends NOTIFY aurora_thoughts when the transaction commits.
 * insert into incident_thoughts (org_id, incident_id, type, content)
 * values (current_org_id(), :incidentId!, :type!, :content!)
 * returning id, incident_id as "incidentId", type, content, created_at as "createdAt"
 * ```
 */
export const insertThought = new PreparedQuery<IInsertThoughtParams,IInsertThoughtResult>(insertThoughtIR);


/** 'GetThought' parameters type */
export interface IGetThoughtParams {
  id: string;
}

/** 'GetThought' return type */
export interface IGetThoughtResult {
  /** Text of the thought; [n] marks refer to incident_citations.citation_key of the incident. */
  content: string;
  createdAt: Date;
  id: string;
  incidentId: string;
  type: thought_type;
}

/** 'GetThought' query type */
export interface IGetThoughtQuery {
  params: IGetThoughtParams;
  result: IGetThoughtResult;
}

const getThoughtIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":157}]}],"statement":"select id, incident_id as \"incidentId\", type, content, created_at as \"createdAt\"\nfrom incident_thoughts\nwhere org_id = (select current_org_id()) and id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * select id, incident_id as "incidentId", type, content, created_at as "createdAt"
 * from incident_thoughts
 * where org_id = (select current_org_id()) and id = :id!
 * ```
 */
export const getThought = new PreparedQuery<IGetThoughtParams,IGetThoughtResult>(getThoughtIR);


/** 'ListThoughts' parameters type */
export interface IListThoughtsParams {
  afterId?: string | null | void;
  incidentId: string;
  limit: number;
}

/** 'ListThoughts' return type */
export interface IListThoughtsResult {
  /** Text of the thought; [n] marks refer to incident_citations.citation_key of the incident. */
  content: string;
  createdAt: Date;
  id: string;
  incidentId: string;
  type: thought_type;
}

/** 'ListThoughts' query type */
export interface IListThoughtsQuery {
  params: IListThoughtsParams;
  result: IListThoughtsResult;
}

const listThoughtsIR: any = {"usedParamSet":{"incidentId":true,"afterId":true,"limit":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":504,"b":515}]},{"name":"afterId","required":false,"transform":{"type":"scalar"},"locs":[{"a":529,"b":536},{"a":726,"b":733}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":775,"b":781}]}],"statement":"-- Thoughts of an incident in stream order (created_at, id), after the thought afterId when it is\n-- given. The position of afterId is read through the primary key, and the page is a range of\n-- incident_thoughts_org_id_incident_id_created_at_id_idx scanned backward. An afterId that\n-- does not exist in the organization returns no rows.\nselect id, incident_id as \"incidentId\", type, content, created_at as \"createdAt\"\nfrom incident_thoughts\nwhere org_id = (select current_org_id())\n  and incident_id = :incidentId!\n  and (\n    :afterId::int8 is null\n    or (created_at, id) > (\n      select after.created_at, after.id\n      from incident_thoughts as after\n      where after.org_id = (select current_org_id()) and after.id = :afterId\n    )\n  )\norder by created_at, id\nlimit :limit!::int"};

/**
 * Query generated from SQL:
 * ```
 * -- Thoughts of an incident in stream order (created_at, id), after the thought afterId when it is
 * -- given. The position of afterId is read through the primary key, and the page is a range of
 * -- incident_thoughts_org_id_incident_id_created_at_id_idx scanned backward. An afterId that
 * -- does not exist in the organization returns no rows.
 * select id, incident_id as "incidentId", type, content, created_at as "createdAt"
 * from incident_thoughts
 * where org_id = (select current_org_id())
 *   and incident_id = :incidentId!
 *   and (
 *     :afterId::int8 is null
 *     or (created_at, id) > (
 *       select after.created_at, after.id
 *       from incident_thoughts as after
 *       where after.org_id = (select current_org_id()) and after.id = :afterId
 *     )
 *   )
 * order by created_at, id
 * limit :limit!::int
 * ```
 */
export const listThoughts = new PreparedQuery<IListThoughtsParams,IListThoughtsResult>(listThoughtsIR);


/** 'InsertSuggestion' parameters type */
export interface IInsertSuggestionParams {
  command?: string | null | void;
  description?: string | null | void;
  filePath?: string | null | void;
  incidentId: string;
  originalContent?: string | null | void;
  prNumber?: number | null | void;
  prUrl?: string | null | void;
  repository?: string | null | void;
  risk?: suggestion_risk | null | void;
  suggestedContent?: string | null | void;
  title: string;
  type: suggestion_type;
}

/** 'InsertSuggestion' return type */
export interface IInsertSuggestionResult {
  /** When the fix was merged or applied. */
  appliedAt: Date | null;
  /** Command to run, for diagnostic and mitigation suggestions. */
  command: string | null;
  createdAt: Date;
  description: string | null;
  /** Path of the changed file inside repository. */
  filePath: string | null;
  id: string;
  incidentId: string;
  /** Content of the file before the fix. */
  originalContent: string | null;
  prNumber: number | null;
  /** Pull request that carries the fix, once opened. */
  prUrl: string | null;
  /** Repository of the file, as owner/name. */
  repository: string | null;
  risk: suggestion_risk;
  /** Content of the file with the fix applied. */
  suggestedContent: string | null;
  title: string;
  type: suggestion_type;
  updatedAt: Date;
}

/** 'InsertSuggestion' query type */
export interface IInsertSuggestionQuery {
  params: IInsertSuggestionParams;
  result: IInsertSuggestionResult;
}

const insertSuggestionIR: any = {"usedParamSet":{"incidentId":true,"type":true,"title":true,"description":true,"command":true,"risk":true,"filePath":true,"originalContent":true,"suggestedContent":true,"repository":true,"prUrl":true,"prNumber":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":210,"b":221}]},{"name":"type","required":true,"transform":{"type":"scalar"},"locs":[{"a":224,"b":229}]},{"name":"title","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":238}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":241,"b":252}]},{"name":"command","required":false,"transform":{"type":"scalar"},"locs":[{"a":255,"b":262}]},{"name":"risk","required":false,"transform":{"type":"scalar"},"locs":[{"a":276,"b":280}]},{"name":"filePath","required":false,"transform":{"type":"scalar"},"locs":[{"a":309,"b":317}]},{"name":"originalContent","required":false,"transform":{"type":"scalar"},"locs":[{"a":320,"b":335}]},{"name":"suggestedContent","required":false,"transform":{"type":"scalar"},"locs":[{"a":338,"b":354}]},{"name":"repository","required":false,"transform":{"type":"scalar"},"locs":[{"a":359,"b":369}]},{"name":"prUrl","required":false,"transform":{"type":"scalar"},"locs":[{"a":372,"b":377}]},{"name":"prNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":380,"b":388}]}],"statement":"insert into incident_suggestions (\n  org_id, incident_id, type, title, description, command, risk, file_path, original_content,\n  suggested_content, repository, pr_url, pr_number\n)\nvalues (\n  current_org_id(), :incidentId!, :type!, :title!, :description, :command,\n  coalesce(:risk::suggestion_risk, 'safe'), :filePath, :originalContent, :suggestedContent,\n  :repository, :prUrl, :prNumber\n)\nreturning\n  id, incident_id as \"incidentId\", type, title, description, command, risk,\n  file_path as \"filePath\", original_content as \"originalContent\",\n  suggested_content as \"suggestedContent\", repository, pr_url as \"prUrl\",\n  pr_number as \"prNumber\", applied_at as \"appliedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * insert into incident_suggestions (
 *   org_id, incident_id, type, title, description, command, risk, file_path, original_content,
 *   suggested_content, repository, pr_url, pr_number
 * )
 * values (
 *   current_org_id(), :incidentId!, :type!, :title!, :description, :command,
 *   coalesce(:risk::suggestion_risk, 'safe'), :filePath, :originalContent, :suggestedContent,
 *   :repository, :prUrl, :prNumber
 * )
 * returning
 *   id, incident_id as "incidentId", type, title, description, command, risk,
 *   file_path as "filePath", original_content as "originalContent",
 *   suggested_content as "suggestedContent", repository, pr_url as "prUrl",
 *   pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * ```
 */
export const insertSuggestion = new PreparedQuery<IInsertSuggestionParams,IInsertSuggestionResult>(insertSuggestionIR);


/** 'GetSuggestion' parameters type */
export interface IGetSuggestionParams {
  id: string;
}

/** 'GetSuggestion' return type */
export interface IGetSuggestionResult {
  /** When the fix was merged or applied. */
  appliedAt: Date | null;
  /** Command to run, for diagnostic and mitigation suggestions. */
  command: string | null;
  createdAt: Date;
  description: string | null;
  /** Path of the changed file inside repository. */
  filePath: string | null;
  id: string;
  incidentId: string;
  /** Content of the file before the fix. */
  originalContent: string | null;
  prNumber: number | null;
  /** Pull request that carries the fix, once opened. */
  prUrl: string | null;
  /** Repository of the file, as owner/name. */
  repository: string | null;
  risk: suggestion_risk;
  /** Content of the file with the fix applied. */
  suggestedContent: string | null;
  title: string;
  type: suggestion_type;
  updatedAt: Date;
}

/** 'GetSuggestion' query type */
export interface IGetSuggestionQuery {
  params: IGetSuggestionParams;
  result: IGetSuggestionResult;
}

const getSuggestionIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":408,"b":411}]}],"statement":"select\n  id, incident_id as \"incidentId\", type, title, description, command, risk,\n  file_path as \"filePath\", original_content as \"originalContent\",\n  suggested_content as \"suggestedContent\", repository, pr_url as \"prUrl\",\n  pr_number as \"prNumber\", applied_at as \"appliedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\"\nfrom incident_suggestions\nwhere org_id = (select current_org_id()) and id = :id!"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, incident_id as "incidentId", type, title, description, command, risk,
 *   file_path as "filePath", original_content as "originalContent",
 *   suggested_content as "suggestedContent", repository, pr_url as "prUrl",
 *   pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * from incident_suggestions
 * where org_id = (select current_org_id()) and id = :id!
 * ```
 */
export const getSuggestion = new PreparedQuery<IGetSuggestionParams,IGetSuggestionResult>(getSuggestionIR);


/** 'ListSuggestions' parameters type */
export interface IListSuggestionsParams {
  incidentId: string;
}

/** 'ListSuggestions' return type */
export interface IListSuggestionsResult {
  /** When the fix was merged or applied. */
  appliedAt: Date | null;
  /** Command to run, for diagnostic and mitigation suggestions. */
  command: string | null;
  createdAt: Date;
  description: string | null;
  /** Path of the changed file inside repository. */
  filePath: string | null;
  id: string;
  incidentId: string;
  /** Content of the file before the fix. */
  originalContent: string | null;
  prNumber: number | null;
  /** Pull request that carries the fix, once opened. */
  prUrl: string | null;
  /** Repository of the file, as owner/name. */
  repository: string | null;
  risk: suggestion_risk;
  /** Content of the file with the fix applied. */
  suggestedContent: string | null;
  title: string;
  type: suggestion_type;
  updatedAt: Date;
}

/** 'ListSuggestions' query type */
export interface IListSuggestionsQuery {
  params: IListSuggestionsParams;
  result: IListSuggestionsResult;
}

const listSuggestionsIR: any = {"usedParamSet":{"incidentId":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":417,"b":428}]}],"statement":"select\n  id, incident_id as \"incidentId\", type, title, description, command, risk,\n  file_path as \"filePath\", original_content as \"originalContent\",\n  suggested_content as \"suggestedContent\", repository, pr_url as \"prUrl\",\n  pr_number as \"prNumber\", applied_at as \"appliedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\"\nfrom incident_suggestions\nwhere org_id = (select current_org_id()) and incident_id = :incidentId!\norder by id"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, incident_id as "incidentId", type, title, description, command, risk,
 *   file_path as "filePath", original_content as "originalContent",
 *   suggested_content as "suggestedContent", repository, pr_url as "prUrl",
 *   pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * from incident_suggestions
 * where org_id = (select current_org_id()) and incident_id = :incidentId!
 * order by id
 * ```
 */
export const listSuggestions = new PreparedQuery<IListSuggestionsParams,IListSuggestionsResult>(listSuggestionsIR);


/** 'MarkSuggestionApplied' parameters type */
export interface IMarkSuggestionAppliedParams {
  id: string;
  prNumber?: number | null | void;
  prUrl?: string | null | void;
}

/** 'MarkSuggestionApplied' return type */
export interface IMarkSuggestionAppliedResult {
  /** When the fix was merged or applied. */
  appliedAt: Date | null;
  /** Command to run, for diagnostic and mitigation suggestions. */
  command: string | null;
  createdAt: Date;
  description: string | null;
  /** Path of the changed file inside repository. */
  filePath: string | null;
  id: string;
  incidentId: string;
  /** Content of the file before the fix. */
  originalContent: string | null;
  prNumber: number | null;
  /** Pull request that carries the fix, once opened. */
  prUrl: string | null;
  /** Repository of the file, as owner/name. */
  repository: string | null;
  risk: suggestion_risk;
  /** Content of the file with the fix applied. */
  suggestedContent: string | null;
  title: string;
  type: suggestion_type;
  updatedAt: Date;
}

/** 'MarkSuggestionApplied' query type */
export interface IMarkSuggestionAppliedQuery {
  params: IMarkSuggestionAppliedParams;
  result: IMarkSuggestionAppliedResult;
}

const markSuggestionAppliedIR: any = {"usedParamSet":{"prUrl":true,"prNumber":true,"id":true},"params":[{"name":"prUrl","required":false,"transform":{"type":"scalar"},"locs":[{"a":257,"b":262}]},{"name":"prNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":297,"b":305}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":369,"b":372}]}],"statement":"-- Only fix suggestions carry applied_at. Marking one twice keeps the first time, and the pull\n-- request fields keep their values when the parameters are null.\nupdate incident_suggestions\nset\n  applied_at = coalesce(applied_at, now()),\n  pr_url = coalesce(:prUrl, pr_url),\n  pr_number = coalesce(:prNumber, pr_number)\nwhere org_id = (select current_org_id()) and id = :id! and type = 'fix'\nreturning\n  id, incident_id as \"incidentId\", type, title, description, command, risk,\n  file_path as \"filePath\", original_content as \"originalContent\",\n  suggested_content as \"suggestedContent\", repository, pr_url as \"prUrl\",\n  pr_number as \"prNumber\", applied_at as \"appliedAt\", created_at as \"createdAt\",\n  updated_at as \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- Only fix suggestions carry applied_at. Marking one twice keeps the first time, and the pull
 * -- request fields keep their values when the parameters are null.
 * update incident_suggestions
 * set
 *   applied_at = coalesce(applied_at, now()),
 *   pr_url = coalesce(:prUrl, pr_url),
 *   pr_number = coalesce(:prNumber, pr_number)
 * where org_id = (select current_org_id()) and id = :id! and type = 'fix'
 * returning
 *   id, incident_id as "incidentId", type, title, description, command, risk,
 *   file_path as "filePath", original_content as "originalContent",
 *   suggested_content as "suggestedContent", repository, pr_url as "prUrl",
 *   pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
 *   updated_at as "updatedAt"
 * ```
 */
export const markSuggestionApplied = new PreparedQuery<IMarkSuggestionAppliedParams,IMarkSuggestionAppliedResult>(markSuggestionAppliedIR);


/** 'LockIncidentForCitation' parameters type */
export interface ILockIncidentForCitationParams {
  incidentId: string;
}

/** 'LockIncidentForCitation' return type */
export interface ILockIncidentForCitationResult {
  id: string;
}

/** 'LockIncidentForCitation' query type */
export interface ILockIncidentForCitationQuery {
  params: ILockIncidentForCitationParams;
  result: ILockIncidentForCitationResult;
}

const lockIncidentForCitationIR: any = {"usedParamSet":{"incidentId":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":249,"b":260}]}],"statement":"-- FOR NO KEY UPDATE conflicts with itself but not with the KEY SHARE locks of foreign key\n-- checks, so it serializes citation writers without blocking inserts of thoughts.\nselect id\nfrom incidents\nwhere org_id = (select current_org_id()) and id = :incidentId!\nfor no key update"};

/**
 * Query generated from SQL:
 * ```
 * -- FOR NO KEY UPDATE conflicts with itself but not with the KEY SHARE locks of foreign key
 * -- checks, so it serializes citation writers without blocking inserts of thoughts.
 * select id
 * from incidents
 * where org_id = (select current_org_id()) and id = :incidentId!
 * for no key update
 * ```
 */
export const lockIncidentForCitation = new PreparedQuery<ILockIncidentForCitationParams,ILockIncidentForCitationResult>(lockIncidentForCitationIR);


/** 'InsertCitation' parameters type */
export interface IInsertCitationParams {
  command?: string | null | void;
  durationMs?: number | null | void;
  executedAt?: DateOrString | null | void;
  incidentId: string;
  output?: string | null | void;
  status?: citation_status | null | void;
  tool: string;
}

/** 'InsertCitation' return type */
export interface IInsertCitationResult {
  /** Number n of the citation within its incident, written [n] in thoughts. Unique per incident; two writers choosing the same number get a unique violation. */
  citationKey: number;
  command: string | null;
  createdAt: Date;
  /** Run time of the tool in milliseconds. */
  durationMs: number | null;
  /** When the tool run started. */
  executedAt: Date | null;
  id: string;
  incidentId: string;
  /** Output of the tool as the agent saw it. */
  output: string | null;
  status: citation_status;
  /** Name of the tool that ran, such as kubectl or a cloud API. */
  tool: string;
}

/** 'InsertCitation' query type */
export interface IInsertCitationQuery {
  params: IInsertCitationParams;
  result: IInsertCitationResult;
}

const insertCitationIR: any = {"usedParamSet":{"incidentId":true,"tool":true,"command":true,"output":true,"status":true,"executedAt":true,"durationMs":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":326,"b":337},{"a":560,"b":571}]},{"name":"tool","required":true,"transform":{"type":"scalar"},"locs":[{"a":376,"b":381}]},{"name":"command","required":false,"transform":{"type":"scalar"},"locs":[{"a":384,"b":391}]},{"name":"output","required":false,"transform":{"type":"scalar"},"locs":[{"a":396,"b":402}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":414,"b":420}]},{"name":"executedAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":452,"b":462}]},{"name":"durationMs","required":false,"transform":{"type":"scalar"},"locs":[{"a":465,"b":475}]}],"statement":"-- The aggregate returns one row even when the incident has no citation yet, and max() reads\n-- the last entry of the unique index on (org_id, incident_id, citation_key).\ninsert into incident_citations (\n  org_id, incident_id, citation_key, tool, command, output, status, executed_at, duration_ms\n)\nselect\n  current_org_id(), :incidentId!, coalesce(max(citation_key), 0) + 1, :tool!, :command,\n  :output, coalesce(:status::citation_status, 'success'), :executedAt, :durationMs\nfrom incident_citations\nwhere org_id = (select current_org_id()) and incident_id = :incidentId!\nreturning\n  id, incident_id as \"incidentId\", citation_key as \"citationKey\", tool, command, output,\n  status, executed_at as \"executedAt\", duration_ms as \"durationMs\", created_at as \"createdAt\""};

/**
 * Query generated from SQL:
 * ```
 * -- The aggregate returns one row even when the incident has no citation yet, and max() reads
 * -- the last entry of the unique index on (org_id, incident_id, citation_key).
 * insert into incident_citations (
 *   org_id, incident_id, citation_key, tool, command, output, status, executed_at, duration_ms
 * )
 * select
 *   current_org_id(), :incidentId!, coalesce(max(citation_key), 0) + 1, :tool!, :command,
 *   :output, coalesce(:status::citation_status, 'success'), :executedAt, :durationMs
 * from incident_citations
 * where org_id = (select current_org_id()) and incident_id = :incidentId!
 * returning
 *   id, incident_id as "incidentId", citation_key as "citationKey", tool, command, output,
 *   status, executed_at as "executedAt", duration_ms as "durationMs", created_at as "createdAt"
 * ```
 */
export const insertCitation = new PreparedQuery<IInsertCitationParams,IInsertCitationResult>(insertCitationIR);


/** 'ListCitations' parameters type */
export interface IListCitationsParams {
  incidentId: string;
}

/** 'ListCitations' return type */
export interface IListCitationsResult {
  /** Number n of the citation within its incident, written [n] in thoughts. Unique per incident; two writers choosing the same number get a unique violation. */
  citationKey: number;
  command: string | null;
  createdAt: Date;
  /** Run time of the tool in milliseconds. */
  durationMs: number | null;
  /** When the tool run started. */
  executedAt: Date | null;
  id: string;
  incidentId: string;
  /** Output of the tool as the agent saw it. */
  output: string | null;
  status: citation_status;
  /** Name of the tool that ran, such as kubectl or a cloud API. */
  tool: string;
}

/** 'ListCitations' query type */
export interface IListCitationsQuery {
  params: IListCitationsParams;
  result: IListCitationsResult;
}

const listCitationsIR: any = {"usedParamSet":{"incidentId":true},"params":[{"name":"incidentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":273,"b":284}]}],"statement":"select\n  id, incident_id as \"incidentId\", citation_key as \"citationKey\", tool, command, output,\n  status, executed_at as \"executedAt\", duration_ms as \"durationMs\", created_at as \"createdAt\"\nfrom incident_citations\nwhere org_id = (select current_org_id()) and incident_id = :incidentId!\norder by citation_key"};

/**
 * Query generated from SQL:
 * ```
 * select
 *   id, incident_id as "incidentId", citation_key as "citationKey", tool, command, output,
 *   status, executed_at as "executedAt", duration_ms as "durationMs", created_at as "createdAt"
 * from incident_citations
 * where org_id = (select current_org_id()) and incident_id = :incidentId!
 * order by citation_key
 * ```
 */
export const listCitations = new PreparedQuery<IListCitationsParams,IListCitationsResult>(listCitationsIR);


/** 'ResolveThoughtCitations' parameters type */
export interface IResolveThoughtCitationsParams {
  thoughtId: string;
}

/** 'ResolveThoughtCitations' return type */
export interface IResolveThoughtCitationsResult {
  citationKey: number;
  command: string | null;
  createdAt: Date | null;
  /** Run time of the tool in milliseconds. */
  durationMs: number | null;
  /** When the tool run started. */
  executedAt: Date | null;
  id: string | null;
  incidentId: string | null;
  /** Output of the tool as the agent saw it. */
  output: string | null;
  status: citation_status | null;
  /** Name of the tool that ran, such as kubectl or a cloud API. */
  tool: string | null;
}

/** 'ResolveThoughtCitations' query type */
export interface IResolveThoughtCitationsQuery {
  params: IResolveThoughtCitationsParams;
  result: IResolveThoughtCitationsResult;
}

const resolveThoughtCitationsIR: any = {"usedParamSet":{"thoughtId":true},"params":[{"name":"thoughtId","required":true,"transform":{"type":"scalar"},"locs":[{"a":1171,"b":1181}]}],"statement":"-- One row per distinct [n] mark in the thought's content, in key order, with the citation of\n-- that key when the incident has one. The citation columns come from an outer join, so they\n-- are null for a mark that refers to no citation. Keys have at most 9 digits, so they fit in\n-- an integer. Returns no row when the thought does not exist or has no mark.\nselect\n  marks.citation_key as \"citationKey!\",\n  citations.id as \"id?\",\n  citations.incident_id as \"incidentId?\",\n  citations.tool as \"tool?\",\n  citations.command as \"command?\",\n  citations.output as \"output?\",\n  citations.status as \"status?\",\n  citations.executed_at as \"executedAt?\",\n  citations.duration_ms as \"durationMs?\",\n  citations.created_at as \"createdAt?\"\nfrom incident_thoughts as thoughts\ncross join lateral (\n  select distinct match[1]::int as citation_key\n  from regexp_matches(thoughts.content, '\\[([1-9][0-9]{0,8})\\]', 'g') as match\n) as marks\nleft join incident_citations as citations\n  on citations.org_id = thoughts.org_id\n  and citations.incident_id = thoughts.incident_id\n  and citations.citation_key = marks.citation_key\nwhere thoughts.org_id = (select current_org_id()) and thoughts.id = :thoughtId!\norder by marks.citation_key"};

/**
 * Query generated from SQL:
 * ```
 * -- One row per distinct [n] mark in the thought's content, in key order, with the citation of
 * -- that key when the incident has one. The citation columns come from an outer join, so they
 * -- are null for a mark that refers to no citation. Keys have at most 9 digits, so they fit in
 * -- an integer. Returns no row when the thought does not exist or has no mark.
 * select
 *   marks.citation_key as "citationKey!",
 *   citations.id as "id?",
 *   citations.incident_id as "incidentId?",
 *   citations.tool as "tool?",
 *   citations.command as "command?",
 *   citations.output as "output?",
 *   citations.status as "status?",
 *   citations.executed_at as "executedAt?",
 *   citations.duration_ms as "durationMs?",
 *   citations.created_at as "createdAt?"
 * from incident_thoughts as thoughts
 * cross join lateral (
 *   select distinct match[1]::int as citation_key
 *   from regexp_matches(thoughts.content, '\[([1-9][0-9]{0,8})\]', 'g') as match
 * ) as marks
 * left join incident_citations as citations
 *   on citations.org_id = thoughts.org_id
 *   and citations.incident_id = thoughts.incident_id
 *   and citations.citation_key = marks.citation_key
 * where thoughts.org_id = (select current_org_id()) and thoughts.id = :thoughtId!
 * order by marks.citation_key
 * ```
 */
export const resolveThoughtCitations = new PreparedQuery<IResolveThoughtCitationsParams,IResolveThoughtCitationsResult>(resolveThoughtCitationsIR);


