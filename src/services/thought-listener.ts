/**
 * Streams new RCA thoughts of one organization. The schema sends
 * NOTIFY aurora_thoughts with {org_id, incident_id, thought_id} for every
 * thought when its transaction commits, to every listener of every tenant;
 * this wrapper keeps only the organization's own notifications. Payloads
 * carry no thought content, so read the thought with listThoughts inside
 * withTenant.
 */
import type { Db, ListenOptions, Unsubscribe } from "../pool/index.ts";
import { compileValidator } from "../validation/ajv.ts";
import { OPTIONAL_UUID, UUID, inputObject } from "../validation/fields.ts";

/** The channel that the trigger on incident_thoughts notifies. */
export const THOUGHTS_CHANNEL = "aurora_thoughts";

export interface ThoughtNotification {
  orgId: string;
  incidentId: string;
  /** Id of the new thought, as a string of digits (a bigint). */
  thoughtId: string;
}

export type ThoughtHandler = (
  notification: ThoughtNotification,
) => void | Promise<void>;

export interface ListenForThoughtsOptions extends ListenOptions {
  /** Only thoughts of this incident. */
  incidentId?: string | null;
}

const parseTarget = compileValidator<{
  orgId: string;
  incidentId?: string | null;
}>(
  "thought subscription",
  inputObject({ orgId: UUID, incidentId: OPTIONAL_UUID }, ["orgId"]),
);

const UUID_TEXT =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The digits of thought_id as sent, so that ids above 2^53 keep every digit. */
const THOUGHT_ID_DIGITS = /"thought_id"\s*:\s*(\d{1,19})\s*[,}]/;

/**
 * Calls `handler` once for each thought committed in `orgId` (and in
 * `options.incidentId`, when given). Resolves once listening has started,
 * with a function that stops it. Errors thrown by the handler, and payloads
 * that are not the trigger's, are logged by the pool's logger.
 */
export async function listenForThoughts(
  db: Pick<Db, "listen">,
  orgId: string,
  handler: ThoughtHandler,
  options: ListenForThoughtsOptions = {},
): Promise<Unsubscribe> {
  const { incidentId = null, ...listenOptions } = options;
  const target = parseTarget({ orgId, incidentId });
  const targetOrgId = target.orgId.toLowerCase();
  const targetIncidentId = target.incidentId?.toLowerCase() ?? null;
  return db.listen(
    THOUGHTS_CHANNEL,
    (payload) => {
      const notification = parseThoughtPayload(payload);
      if (notification.orgId !== targetOrgId) return;
      if (
        targetIncidentId !== null &&
        notification.incidentId !== targetIncidentId
      )
        return;
      return handler(notification);
    },
    listenOptions,
  );
}

/** Parses a payload of the trigger and throws an Error for anything else. */
export function parseThoughtPayload(payload: string): ThoughtNotification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    parsed = undefined;
  }
  const fields = (parsed ?? {}) as Record<string, unknown>;
  const digits = THOUGHT_ID_DIGITS.exec(payload)?.[1];
  if (
    typeof fields.org_id !== "string" ||
    !UUID_TEXT.test(fields.org_id) ||
    typeof fields.incident_id !== "string" ||
    !UUID_TEXT.test(fields.incident_id) ||
    digits === undefined
  ) {
    throw new Error(
      `Unexpected payload on ${THOUGHTS_CHANNEL}: ${JSON.stringify(payload.slice(0, 200))}; ` +
        "expected {org_id, incident_id, thought_id} from the incident_thoughts trigger.",
    );
  }
  return {
    orgId: fields.org_id,
    incidentId: fields.incident_id,
    thoughtId: digits,
  };
}
