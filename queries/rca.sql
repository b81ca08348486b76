/*
 * Root cause analysis: the thoughts an agent streams for an incident, its suggestions, and the
 * tool runs it cites as [1], [2], ... in thoughts.
 *
 * Citation keys are numbered per incident. A writer locks the incident row (LockIncidentForCitation)
 * and then inserts with the next key (InsertCitation) in a second statement: under read committed,
 * that statement's snapshot is taken after the lock was granted, so it sees every key that the
 * previous lock holder committed.
 */

/* @name InsertThought */
-- The trigger _500_notify_new_thought sends NOTIFY aurora_thoughts when the transaction commits.
insert into incident_thoughts (org_id, incident_id, type, content)
values (current_org_id(), :incidentId!, :type!, :content!)
returning id, incident_id as "incidentId", type, content, created_at as "createdAt";

/* @name GetThought */
select id, incident_id as "incidentId", type, content, created_at as "createdAt"
from incident_thoughts
where org_id = (select current_org_id()) and id = :id!;

/* @name ListThoughts */
-- Thoughts of an incident in stream order (created_at, id), after the thought afterId when it is
-- given. The position of afterId is read through the primary key, and the page is a range of
-- incident_thoughts_org_id_incident_id_created_at_id_idx scanned backward. An afterId that
-- does not exist in the organization returns no rows.
select id, incident_id as "incidentId", type, content, created_at as "createdAt"
from incident_thoughts
where org_id = (select current_org_id())
  and incident_id = :incidentId!
  and (
    :afterId::int8 is null
    or (created_at, id) > (
      select after.created_at, after.id
      from incident_thoughts as after
      where after.org_id = (select current_org_id()) and after.id = :afterId
    )
  )
order by created_at, id
limit :limit!::int;

/* @name InsertSuggestion */
insert into incident_suggestions (
  org_id, incident_id, type, title, description, command, risk, file_path, original_content,
  suggested_content, repository, pr_url, pr_number
)
values (
  current_org_id(), :incidentId!, :type!, :title!, :description, :command,
  coalesce(:risk::suggestion_risk, 'safe'), :filePath, :originalContent, :suggestedContent,
  :repository, :prUrl, :prNumber
)
returning
  id, incident_id as "incidentId", type, title, description, command, risk,
  file_path as "filePath", original_content as "originalContent",
  suggested_content as "suggestedContent", repository, pr_url as "prUrl",
  pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
  updated_at as "updatedAt";

/* @name GetSuggestion */
select
  id, incident_id as "incidentId", type, title, description, command, risk,
  file_path as "filePath", original_content as "originalContent",
  suggested_content as "suggestedContent", repository, pr_url as "prUrl",
  pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
  updated_at as "updatedAt"
from incident_suggestions
where org_id = (select current_org_id()) and id = :id!;

/* @name ListSuggestions */
select
  id, incident_id as "incidentId", type, title, description, command, risk,
  file_path as "filePath", original_content as "originalContent",
  suggested_content as "suggestedContent", repository, pr_url as "prUrl",
  pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
  updated_at as "updatedAt"
from incident_suggestions
where org_id = (select current_org_id()) and incident_id = :incidentId!
order by id;

/* @name MarkSuggestionApplied */
-- Only fix suggestions carry applied_at. Marking one twice keeps the first time, and the pull
-- request fields keep their values when the parameters are null.
update incident_suggestions
set
  applied_at = coalesce(applied_at, now()),
  pr_url = coalesce(:prUrl, pr_url),
  pr_number = coalesce(:prNumber, pr_number)
where org_id = (select current_org_id()) and id = :id! and type = 'fix'
returning
  id, incident_id as "incidentId", type, title, description, command, risk,
  file_path as "filePath", original_content as "originalContent",
  suggested_content as "suggestedContent", repository, pr_url as "prUrl",
  pr_number as "prNumber", applied_at as "appliedAt", created_at as "createdAt",
  updated_at as "updatedAt";

/* @name LockIncidentForCitation */
-- FOR NO KEY UPDATE conflicts with itself but not with the KEY SHARE locks of foreign key
-- checks, so it serializes citation writers without blocking inserts of thoughts.
select id
from incidents
where org_id = (select current_org_id()) and id = :incidentId!
for no key update;

/* @name InsertCitation */
-- The aggregate returns one row even when the incident has no citation yet, and max() reads
-- the last entry of the unique index on (org_id, incident_id, citation_key).
insert into incident_citations (
  org_id, incident_id, citation_key, tool, command, output, status, executed_at, duration_ms
)
select
  current_org_id(), :incidentId!, coalesce(max(citation_key), 0) + 1, :tool!, :command,
  :output, coalesce(:status::citation_status, 'success'), :executedAt, :durationMs
from incident_citations
where org_id = (select current_org_id()) and incident_id = :incidentId!
returning
  id, incident_id as "incidentId", citation_key as "citationKey", tool, command, output,
  status, executed_at as "executedAt", duration_ms as "durationMs", created_at as "createdAt";

/* @name ListCitations */
select
  id, incident_id as "incidentId", citation_key as "citationKey", tool, command, output,
  status, executed_at as "executedAt", duration_ms as "durationMs", created_at as "createdAt"
from incident_citations
where org_id = (select current_org_id()) and incident_id = :incidentId!
order by citation_key;

/* @name ResolveThoughtCitations */
-- One row per distinct [n] mark in the thought's content, in key order, with the citation of
-- that key when the incident has one. The citation columns come from an outer join, so they
-- are null for a mark that refers to no citation. Keys have at most 9 digits, so they fit in
-- an integer. Returns no row when the thought does not exist or has no mark.
select
  marks.citation_key as "citationKey!",
  citations.id as "id?",
  citations.incident_id as "incidentId?",
  citations.tool as "tool?",
  citations.command as "command?",
  citations.output as "output?",
  citations.status as "status?",
  citations.executed_at as "executedAt?",
  citations.duration_ms as "durationMs?",
  citations.created_at as "createdAt?"
from incident_thoughts as thoughts
cross join lateral (
  select distinct match[1]::int as citation_key
  from regexp_matches(thoughts.content, '\[([1-9][0-9]{0,8})\]', 'g') as match
) as marks
left join incident_citations as citations
  on citations.org_id = thoughts.org_id
  and citations.incident_id = thoughts.incident_id
  and citations.citation_key = marks.citation_key
where thoughts.org_id = (select current_org_id()) and thoughts.id = :thoughtId!
order by marks.citation_key;
