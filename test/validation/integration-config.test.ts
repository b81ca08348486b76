import { test } from "uvu";
import * as assert from "uvu/assert";

import {
  INTEGRATION_KINDS,
  integrationConfigIssues,
  type IntegrationKind,
} from "../../src/validation/index.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

let database: TestDatabase;

test.before(async () => {
  database = await createTestDatabase();
});

test.after(async () => {
  await database?.drop();
});

/** A config that each kind must accept. */
const VALID: Record<IntegrationKind, Record<string, unknown>> = {
  github: {
    organization: "acme",
    appId: 1,
    installationId: 2,
    repositories: ["acme/api"],
  },
  gitlab: {
    baseUrl: "https://gitlab.acme.example",
    groupPath: "acme/ops",
    projectIds: [7],
  },
  slack: { teamId: "T1", channelId: "C1", channelName: "#incidents" },
  jenkins: {
    baseUrl: "https://ci.acme.example/",
    username: "aurora",
    jobs: ["deploy"],
  },
  cloudbees: {
    baseUrl: "https://cloudbees.acme.example",
    controllers: ["payments"],
  },
  grafana: { baseUrl: "https://grafana.acme.example", grafanaOrgId: 1 },
  datadog: { site: "datadoghq.eu" },
  pagerduty: { subdomain: "acme", region: "eu", serviceIds: ["P123"] },
  netdata: { spaceId: "space", roomIds: ["room"] },
  splunk: { baseUrl: "https://splunk.acme.example:8089", index: "main" },
  dynatrace: { environmentUrl: "https://abc123.live.dynatrace.com" },
  bigpanda: { environmentId: "env" },
  jira: {
    baseUrl: "https://acme.atlassian.net",
    projectKeys: ["OPS", "SRE_2"],
  },
  confluence: {
    baseUrl: "https://acme.atlassian.net/wiki",
    spaceKeys: ["RUN"],
  },
};

const NEEDS_URL = [
  "jenkins",
  "cloudbees",
  "grafana",
  "splunk",
  "jira",
  "confluence",
];

test("each kind accepts its own config", () => {
  for (const kind of INTEGRATION_KINDS) {
    assert.equal(
      integrationConfigIssues(kind, VALID[kind], "/config"),
      [],
      kind,
    );
  }
});

test("server kinds require their URL", () => {
  for (const kind of INTEGRATION_KINDS) {
    const issues = integrationConfigIssues(kind, {}, "/config");
    const expected = NEEDS_URL.includes(kind)
      ? [{ path: "/config/baseUrl", message: "is required" }]
      : kind === "dynatrace"
        ? [{ path: "/config/environmentUrl", message: "is required" }]
        : [];
    assert.equal(issues, expected, kind);
  }
});

test("every kind rejects secret fields", () => {
  for (const kind of INTEGRATION_KINDS) {
    const config = { ...VALID[kind], auth: { personalAccessToken: "ghp_x" } };
    const issues = integrationConfigIssues(kind, config, "/config");
    assert.equal(
      issues.map((issue) => issue.path),
      ["/config/auth/personalAccessToken"],
      kind,
    );
  }
});

test("typed fields reject wrong shapes", () => {
  assert.equal(
    integrationConfigIssues("github", {
      repositories: ["no-owner"],
      appId: 0,
    }).map((i) => i.path),
    ["/appId", "/repositories/0"],
  );
  assert.equal(
    integrationConfigIssues("pagerduty", { region: "asia" }).map((i) => i.path),
    ["/region"],
  );
  assert.equal(
    integrationConfigIssues("jenkins", { baseUrl: "ftp://ci" }).map(
      (i) => i.path,
    ),
    ["/baseUrl"],
  );
  assert.equal(
    integrationConfigIssues("slack", []).map((i) => i.path),
    [""],
  );
});

test("configs accepted here pass the table's check", async () => {
  const { rows } = await database.root.query<{ id: string }>(
    "insert into organizations (slug, name) values ('config-check', 'Config check') returning id",
  );
  const orgId = rows[0]!.id;
  for (const kind of INTEGRATION_KINDS) {
    await database.root.query(
      "insert into integrations (org_id, kind, name, config) values ($1, $2, 'check', $3)",
      [orgId, kind, JSON.stringify(VALID[kind])],
    );
  }
  const { rows: counted } = await database.root.query<{ count: number }>(
    "select count(*)::int as count from integrations where org_id = $1",
    [orgId],
  );
  assert.is(counted[0]!.count, INTEGRATION_KINDS.length);
});

test.run();
