/**
 * Integrations of the organization in context. `config` is validated by the
 * JSON Schema of the integration's kind and may contain no secret field,
 * because the credentials live in Vault, referenced by `secretRef`.
 */
import {
  deleteIntegration,
  getIntegration as getIntegrationQuery,
  insertIntegration,
  listIntegrations as listIntegrationsQuery,
  updateIntegration as updateIntegrationQuery,
  type IGetIntegrationResult,
} from "../../generated/integrations.queries.ts";
import {
  collectIssues,
  compileValidator,
  ajv,
  throwIfIssues,
} from "../validation/ajv.ts";
import {
  INTEGRATION_KINDS,
  type IntegrationKind,
} from "../validation/enums.ts";
import {
  SECRET_REF,
  TEXT_LIMITS,
  UUID,
  enumField,
  inputObject,
  text,
} from "../validation/fields.ts";
import { integrationConfigIssues } from "../validation/integration-config.ts";
import { JSON_LIMITS } from "../validation/jsonb.ts";
import type { IntegrationConfig } from "../validation/types.ts";
import {
  organizationMissing,
  runOne,
  runQuery,
  type Queryable,
} from "./run.ts";

export type Integration = Omit<IGetIntegrationResult, "config"> & {
  config: IntegrationConfig;
};

const NAME = { ...text(TEXT_LIMITS.label), pattern: "\\S" };
const OPTIONAL_SECRET_REF = { anyOf: [{ type: "null" }, SECRET_REF] };
/**
 * Schema that every kind's config must meet, before the kind's own schema
 * adds its fields. Updates check it before SQL, and the kind's schema after
 * reading the kind.
 */
const ANY_CONFIG = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      secretFree: true,
      storableJson: JSON_LIMITS.integrationConfig,
    },
  ],
};

export interface AddIntegrationInput {
  kind: IntegrationKind;
  /** Tells several integrations of one kind apart, such as a GitHub org name. */
  name: string;
  config?: IntegrationConfig | null;
  /** Vault path of the credentials, written vault:<path>. */
  secretRef?: string | null;
  /** true by default. */
  isEnabled?: boolean | null;
}

const addIntegrationSchema = ajv.compile(
  inputObject(
    {
      kind: enumField(INTEGRATION_KINDS),
      name: NAME,
      config: ANY_CONFIG,
      secretRef: OPTIONAL_SECRET_REF,
      isEnabled: { type: ["boolean", "null"] },
    },
    ["kind", "name"],
  ),
);

/**
 * Adds an integration. Throws ConflictError when the organization has one of
 * this kind and name already.
 */
export async function addIntegration(
  tx: Queryable,
  input: AddIntegrationInput,
): Promise<Integration> {
  const issues = collectIssues(addIntegrationSchema, input);
  if (issues.length === 0) {
    issues.push(
      ...integrationConfigIssues(input.kind, input.config ?? {}, "/config"),
    );
  }
  throwIfIssues("integration", issues);
  const [row] = await runQuery(
    tx,
    insertIntegration,
    {
      kind: input.kind,
      name: input.name,
      config: input.config == null ? null : JSON.stringify(input.config),
      secretRef: input.secretRef ?? null,
      isEnabled: input.isEnabled ?? null,
    },
    organizationMissing("integrations"),
  );
  return row as Integration;
}

const parseIntegrationId = compileValidator<string>(
  "integration id",
  UUID,
  "/id",
);

export async function getIntegration(
  tx: Queryable,
  id: string,
): Promise<Integration> {
  const integrationId = parseIntegrationId(id);
  const row = await runOne(
    tx,
    getIntegrationQuery,
    { id: integrationId },
    integrationNotFound(integrationId),
  );
  return row as Integration;
}

export interface ListIntegrationsInput {
  kind?: IntegrationKind | null;
}

const parseList = compileValidator<ListIntegrationsInput>(
  "integration list",
  inputObject({ kind: enumField(INTEGRATION_KINDS, true) }),
);

/** Lists the integrations of the organization in context by kind and name. */
export async function listIntegrations(
  tx: Queryable,
  input: ListIntegrationsInput = {},
): Promise<Integration[]> {
  const { kind } = parseList(input);
  const rows = await runQuery(tx, listIntegrationsQuery, {
    kind: kind ?? null,
  });
  return rows as Integration[];
}

export interface UpdateIntegrationInput {
  id: string;
  name?: string | null;
  /** Replaces the whole config; validated by the schema of the integration's kind. */
  config?: IntegrationConfig | null;
  /** A string replaces the reference, null clears it, absent keeps it. */
  secretRef?: string | null;
  isEnabled?: boolean | null;
}

const updateIntegrationSchema = ajv.compile(
  inputObject(
    {
      id: UUID,
      name: { anyOf: [{ type: "null" }, NAME] },
      config: ANY_CONFIG,
      secretRef: OPTIONAL_SECRET_REF,
      isEnabled: { type: ["boolean", "null"] },
    },
    ["id"],
  ),
);

/**
 * Changes the given fields of an integration. A config is checked for
 * secrets and size before any SQL. It is then checked against the schema of
 * the stored kind, which needs one read. Nothing is written when either
 * check fails.
 */
export async function updateIntegration(
  tx: Queryable,
  input: UpdateIntegrationInput,
): Promise<Integration> {
  throwIfIssues(
    "integration change",
    collectIssues(updateIntegrationSchema, input),
  );
  if (input.config != null) {
    const current = await getIntegration(tx, input.id);
    throwIfIssues(
      "integration change",
      integrationConfigIssues(current.kind, input.config, "/config"),
    );
  }
  const row = await runOne(
    tx,
    updateIntegrationQuery,
    {
      id: input.id,
      name: input.name ?? null,
      config: input.config == null ? null : JSON.stringify(input.config),
      isEnabled: input.isEnabled ?? null,
      setSecretRef: input.secretRef !== undefined,
      secretRef: input.secretRef ?? null,
    },
    integrationNotFound(input.id),
  );
  return row as Integration;
}

/** Deletes an integration, or throws NotFoundError when it does not exist. */
export async function removeIntegration(
  tx: Queryable,
  id: string,
): Promise<void> {
  const integrationId = parseIntegrationId(id);
  await runOne(
    tx,
    deleteIntegration,
    { id: integrationId },
    integrationNotFound(integrationId),
  );
}

function integrationNotFound(id: string): string {
  return `Integration ${id} not found in the organization in context.`;
}
