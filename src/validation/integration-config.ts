/**
 * JSON Schemas of integrations.config, one per integration kind. Each types
 * the settings Aurora reads for that kind and requires the URL of systems
 * that are self-hosted or per-tenant. Other fields are allowed, so a kind can
 * gain settings without a schema change. No config may contain a secret
 * field (the rule of secret-keys.ts, which the table's check also applies),
 * because credentials live in Vault and the integration's secretRef points
 * at them.
 */
import type { ValidationIssue } from "../errors.ts";
import { ajv, collectIssues, throwIfIssues } from "./ajv.ts";
import type { IntegrationKind } from "./enums.ts";
import { TEXT_LIMITS, URL, integer, text } from "./fields.ts";
import { JSON_LIMITS } from "./jsonb.ts";
import type { IntegrationConfig } from "./types.ts";

const LABEL = text(TEXT_LIMITS.label);

function labels(pattern?: string): object {
  const item = pattern ? { ...LABEL, pattern } : LABEL;
  return { type: "array", maxItems: 500, uniqueItems: true, items: item };
}

function config(
  properties: Record<string, object>,
  required: string[] = [],
): object {
  return {
    type: "object",
    properties,
    required,
    secretFree: true,
    storableJson: JSON_LIMITS.integrationConfig,
  };
}

/** Base URL of a CI controller or other self-hosted server. */
const SERVER = { baseUrl: URL };

export const integrationConfigSchemas: Readonly<
  Record<IntegrationKind, object>
> = {
  github: config({
    organization: LABEL,
    baseUrl: URL,
    appId: integer(1),
    installationId: integer(1),
    repositories: labels("^[^/\\s]+/[^/\\s]+$"),
  }),
  gitlab: config({
    baseUrl: URL,
    groupPath: LABEL,
    projectIds: { type: "array", maxItems: 500, items: integer(1) },
  }),
  slack: config({ teamId: LABEL, channelId: LABEL, channelName: LABEL }),
  jenkins: config({ ...SERVER, username: LABEL, jobs: labels() }, ["baseUrl"]),
  cloudbees: config({ ...SERVER, username: LABEL, controllers: labels() }, [
    "baseUrl",
  ]),
  grafana: config({ ...SERVER, grafanaOrgId: integer(0) }, ["baseUrl"]),
  datadog: config({
    site: { type: "string", format: "hostname", maxLength: 255 },
  }),
  pagerduty: config({
    subdomain: LABEL,
    region: { type: "string", enum: ["us", "eu"] },
    serviceIds: labels(),
  }),
  netdata: config({ baseUrl: URL, spaceId: LABEL, roomIds: labels() }),
  splunk: config({ ...SERVER, index: LABEL }, ["baseUrl"]),
  dynatrace: config({ environmentUrl: URL }, ["environmentUrl"]),
  bigpanda: config({ baseUrl: URL, environmentId: LABEL }),
  jira: config({ ...SERVER, projectKeys: labels("^[A-Z][A-Z0-9_]*$") }, [
    "baseUrl",
  ]),
  confluence: config({ ...SERVER, spaceKeys: labels() }, ["baseUrl"]),
};

const validators = Object.fromEntries(
  Object.entries(integrationConfigSchemas).map(([kind, schema]) => [
    kind,
    ajv.compile(schema),
  ]),
) as Record<IntegrationKind, ReturnType<typeof ajv.compile>>;

/** Returns the issues of `config` for an integration of `kind`, with paths under `basePath`. */
export function integrationConfigIssues(
  kind: IntegrationKind,
  value: unknown,
  basePath = "",
): ValidationIssue[] {
  return collectIssues(validators[kind], value, basePath);
}

/** Returns `value` when it is a valid config of `kind`, and throws a ValidationError otherwise. */
export function validateIntegrationConfig(
  kind: IntegrationKind,
  value: unknown,
): IntegrationConfig {
  throwIfIssues(
    `${kind} integration config`,
    integrationConfigIssues(kind, value),
  );
  return value as IntegrationConfig;
}
