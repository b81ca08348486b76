/**
 * Every public sample payload parsed and checked field by field. The samples
 * live beside the project (see SOURCES.md there), so the suite skips with a
 * note when the folder is missing.
 */

import fs from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { IngestSource } from "../../src/ingest/index.ts";
import {
  listJsonFiles,
  parseFile,
  pickExpected,
  samplesDir,
  type ExpectedAlert,
} from "./helpers.ts";

interface SampleExpectation {
  source: IngestSource;
  alerts: ExpectedAlert[];
}

/** Builds the rows of a large group whose alerts differ only in three fields. */
function groupOf(
  common: Omit<ExpectedAlert, "service" | "environment" | "startsAt">,
  rows: [string | null, string | null, string | null][],
): ExpectedAlert[] {
  return rows.map(([service, environment, startsAt]) => ({
    ...common,
    service,
    environment,
    startsAt,
  }));
}

const EXPECTED: Record<string, SampleExpectation> = {
  "alertmanager/firing-19-alerts-large-group.json": {
    source: "alertmanager",
    alerts: groupOf(
      {
        title: "NodeEvent",
        state: "firing",
        sourceState: "firing",
        severity: "critical",
        endsAt: null,
      },
      [
        [
          "infrastructurevmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser2use1",
          "user2environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "database1vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "database1vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "infrastructurevmenvironmentcuser4usc1",
          "user4environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser1usw1",
          "user1environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser5euw1",
          "user5environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser2use1",
          "user2environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "database1vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "subdatabase2vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "infrastructurevmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser4usc1",
          "user4environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "subdatabase2vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "subdatabase2vmenvironmentcuser3cne1",
          "user3environmentc",
          "2019-01-10T02:58:40.360642Z",
        ],
        [
          "infrastructurevmenvironmentcuser1usw1",
          "user1environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser1usw1",
          "user1environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser2use1",
          "user2environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser5euw1",
          "user5environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
        [
          "infrastructurevmenvironmentcuser5euw1",
          "user5environmentc",
          "2019-01-09T15:20:40.341301Z",
        ],
      ],
    ),
  },
  "alertmanager/firing-2-alerts-cjk-unicode-tabs-crlf.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "服务异常告警",
        state: "firing",
        sourceState: "firing",
        severity: "critical",
        service: "nginx",
        environment: null,
        startsAt: "2023-12-29T10:44:55.492Z",
        endsAt: null,
      },
      {
        title: "服务异常告警",
        state: "firing",
        sourceState: "firing",
        severity: "critical",
        service: "nginx",
        environment: null,
        startsAt: "2023-12-29T10:44:40.492Z",
        endsAt: null,
      },
    ],
  },
  "alertmanager/firing-old-format-no-status-no-fingerprint.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "high_memory_load",
        state: "firing",
        sourceState: "firing",
        severity: "medium",
        service: "docker_nodes",
        environment: null,
        startsAt: "2018-03-07T11:33:21.873077Z",
        endsAt: null,
      },
    ],
  },
  "alertmanager/resolved-3-alerts-zero-endsat-empty-externalurl-host.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "ICMP ping failed",
        state: "resolved",
        sourceState: "resolved",
        severity: "high",
        service: "blackbox-icmp",
        environment: null,
        startsAt: "2019-09-27T16:27:56.612666Z",
        endsAt: null,
      },
      {
        title: "ICMP ping failed",
        state: "resolved",
        sourceState: "resolved",
        severity: "high",
        service: "blackbox-icmp",
        environment: null,
        startsAt: "2019-09-27T16:27:56.612666Z",
        endsAt: null,
      },
      {
        title: "ICMP ping failed",
        state: "resolved",
        sourceState: "resolved",
        severity: "high",
        service: "blackbox-icmp",
        environment: null,
        startsAt: "2019-09-27T16:27:56.612666Z",
        endsAt: null,
      },
    ],
  },
  "alertmanager/resolved-tz-offset-no-fingerprint.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "Fire",
        state: "resolved",
        sourceState: "resolved",
        severity: "critical",
        service: null,
        environment: null,
        startsAt: "2018-11-04T21:43:58.283995Z",
        endsAt: "2018-11-04T21:48:13.283995Z",
      },
    ],
  },
  "datadog/log-alert-recovered.json": {
    source: "datadog",
    alerts: [
      {
        title: "Error monitor",
        state: "resolved",
        sourceState: "Recovered",
        severity: null,
        service: "keep-api-feature-unique-id",
        environment: null,
        startsAt: null,
        endsAt: "2024-12-11T15:08:32Z",
      },
    ],
  },
  "datadog/log-alert-triggered-p2.json": {
    source: "datadog",
    alerts: [
      {
        title: "Unauthorized access to API keep-api",
        state: "firing",
        sourceState: "Triggered",
        severity: "high",
        service: "keep-api",
        environment: "production",
        startsAt: "2024-12-11T15:25:38Z",
        endsAt: null,
      },
    ],
  },
  "datadog/log-alert-warn-p2.json": {
    source: "datadog",
    alerts: [
      {
        title: "Unauthorized access to API keep-api",
        state: "firing",
        sourceState: "Warn",
        severity: "high",
        service: "keep-api",
        environment: "production",
        startsAt: "2024-12-11T15:19:38Z",
        endsAt: null,
      },
    ],
  },
  "dynatrace/docs-example-open-problem-url-key-with-space.json": {
    source: "dynatrace",
    alerts: [
      {
        title: "Dynatrace problem notification test run",
        state: "firing",
        sourceState: "OPEN",
        severity: null,
        service: "MyService1",
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "dynatrace/resolved-cloudevent-keptn-custom-payload.json": {
    source: "dynatrace",
    alerts: [
      {
        title: "Browser monitor global outage",
        state: "resolved",
        sourceState: "RESOLVED",
        severity: "critical",
        service: "carts",
        environment: "production",
        startsAt: "2022-01-03T15:24:51.837Z",
        endsAt: "2022-01-03T15:29:26.597Z",
      },
    ],
  },
  "dynatrace/test-notification-unreplaced-placeholders.json": {
    source: "dynatrace",
    alerts: [
      {
        title: "Dynatrace problem notification test run",
        state: "firing",
        sourceState: "OPEN",
        severity: null,
        service: "MyService1",
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "grafana/legacy-alertmanager-style-oncall-demo.json": {
    source: "grafana",
    alerts: [
      {
        title: "TestAlert",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2018-12-25T15:47:47.377363Z",
        endsAt: null,
      },
    ],
  },
  "grafana/legacy-evalmatches-test-notification.json": {
    source: "grafana",
    alerts: [
      {
        title: "Test rule",
        state: "firing",
        sourceState: "alerting",
        severity: null,
        service: null,
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "grafana/unified-firing-2-alerts-docs-example.json": {
    source: "grafana",
    alerts: [
      {
        title: "High memory usage",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2021-10-12T07:51:03.157076Z",
        endsAt: null,
      },
      {
        title: "High CPU usage",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2021-10-12T07:56:03.157076Z",
        endsAt: null,
      },
    ],
  },
  "grafana/unified-firing-values-imageurl-tabs-v11.json": {
    source: "grafana",
    alerts: [
      {
        title: "Memory (copy)",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2024-03-01T02:09:00Z",
        endsAt: null,
      },
    ],
  },
  "grafana/unified-resolved-empty-labels-truncated.json": {
    source: "grafana",
    alerts: [
      {
        title: "[RESOLVED:1]  (TestAlert Grafana)",
        state: "resolved",
        sourceState: "resolved",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2022-08-31T05:54:04.522893Z",
        endsAt: "2022-08-31T10:30:00.522884Z",
      },
    ],
  },
  "grafana/unified-resolved-valuestring-v9.json": {
    source: "grafana",
    alerts: [
      {
        title: "Test alert",
        state: "resolved",
        sourceState: "resolved",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2022-06-17T00:41:00.782137Z",
        endsAt: "2022-06-17T00:51:24.067337Z",
      },
    ],
  },
  "grafana/unified-v12-test-alert-relative-generatorurl.json": {
    source: "grafana",
    alerts: [
      {
        title: "TestAlert",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: "2026-05-05T13:04:57.622813Z",
        endsAt: null,
      },
    ],
  },
  "grafana/unified-values-null-default-template.json": {
    source: "grafana",
    alerts: [
      {
        title: "alert1",
        state: "firing",
        sourceState: "firing",
        severity: null,
        service: null,
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "jenkins/notification-plugin-completed-success-artifacts.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build asgard #18 succeeded",
        state: "resolved",
        sourceState: "SUCCESS",
        severity: "info",
        service: "asgard",
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "jenkins/notification-plugin-started-minimal-help-example.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build JobName #1 started",
        state: "resolved",
        sourceState: "STARTED",
        severity: "info",
        service: "JobName",
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "netdata/alert-clear-empty-message.json": {
    source: "netdata",
    alerts: [
      {
        title: "ImmichCPUHigh",
        state: "resolved",
        sourceState: "clear",
        severity: null,
        service: null,
        environment: null,
        startsAt: null,
        endsAt: "2026-04-07T18:07:00Z",
      },
    ],
  },
  "netdata/alert-critical.json": {
    source: "netdata",
    alerts: [
      {
        title: "ImmichCPUHigh",
        state: "firing",
        sourceState: "critical",
        severity: "critical",
        service: null,
        environment: null,
        startsAt: "2026-04-07T18:03:00Z",
        endsAt: null,
      },
    ],
  },
  "pagerduty/v2-legacy-incident-trigger-messages.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "My new incident",
        state: "firing",
        sourceState: "trigger",
        severity: "high",
        service: "Production XDB Cluster",
        environment: null,
        startsAt: "2017-09-26T15:14:36Z",
        endsAt: null,
      },
    ],
  },
  "pagerduty/v3-incident-annotated-note.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "Critical: Checkout API High Latency",
        state: "firing",
        sourceState: "annotated",
        severity: null,
        service: null,
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "pagerduty/v3-incident-priority-updated-docs.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "A little bump in the road",
        state: "firing",
        sourceState: "priority_updated",
        severity: "critical",
        service: "API Service",
        environment: null,
        startsAt: "2020-04-09T15:16:27Z",
        endsAt: null,
      },
    ],
  },
  "pagerduty/v3-incident-resolved.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "Test Incident",
        state: "resolved",
        sourceState: "resolved",
        severity: "high",
        service: "example-service",
        environment: null,
        startsAt: null,
        endsAt: "2021-06-04T13:16:53.816Z",
      },
    ],
  },
  "pagerduty/v3-incident-triggered.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "Test Incident 3",
        state: "firing",
        sourceState: "triggered",
        severity: "high",
        service: "example-service",
        environment: null,
        startsAt: "2021-06-04T13:35:29.781Z",
        endsAt: null,
      },
    ],
  },
  "splunk/docs-example-null-search-name.json": {
    source: "splunk",
    alerts: [
      {
        title: "Splunk alert scheduler_admin_search_W2_at_14232356_132",
        state: "firing",
        sourceState: "triggered",
        severity: null,
        service: null,
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "splunk/missing-search-name-key.json": {
    source: "splunk",
    alerts: [
      {
        title: "sudo",
        state: "firing",
        sourceState: "triggered",
        severity: null,
        service: "myserver",
        environment: null,
        startsAt: "2017-01-04T19:14:32Z",
        endsAt: null,
      },
    ],
  },
  "splunk/syslog-first-result-row.json": {
    source: "splunk",
    alerts: [
      {
        title: "sudo",
        state: "firing",
        sourceState: "triggered",
        severity: null,
        service: "myserver",
        environment: null,
        startsAt: "2017-01-04T19:14:32Z",
        endsAt: null,
      },
    ],
  },
};

const hasSamples = fs.existsSync(samplesDir);
if (!hasSamples) {
  console.log(
    `ingest samples: skipped, ${samplesDir} does not exist (it contains the public sample payloads)`,
  );
}

if (hasSamples) {
  test("every sample file has an expectation", () => {
    const files = listJsonFiles(samplesDir, ["kubernetes"]);
    assert.equal(files, Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`parses ${file}`, () => {
      const alerts = parseFile(expected.source, samplesDir, file);
      assert.is(alerts.length, expected.alerts.length, "alert count");
      alerts.forEach((alert, index) => {
        assert.equal(
          pickExpected(alert),
          expected.alerts[index],
          `alert ${index}`,
        );
        assert.ok(alert.fingerprint.length > 0, `alert ${index} fingerprint`);
        assert.equal(alert.payloadTransforms, [], `alert ${index} transforms`);
      });
    });

    test(`keeps dedup keys stable for ${file}`, () => {
      const first = parseFile(expected.source, samplesDir, file);
      const second = parseFile(expected.source, samplesDir, file);
      assert.equal(
        second.map((alert) => alert.dedupKey),
        first.map((alert) => alert.dedupKey),
      );
      assert.equal(
        second.map((alert) => alert.fingerprint),
        first.map((alert) => alert.fingerprint),
      );
      const distinct = new Set(first.map((alert) => alert.dedupKey));
      assert.is(distinct.size, first.length, "one key per alert of the body");
    });
  }

  test("narrows grouped payloads to one alert", () => {
    const file = "alertmanager/firing-19-alerts-large-group.json";
    const body = JSON.parse(fs.readFileSync(`${samplesDir}/${file}`, "utf8"));
    const alerts = parseFile("alertmanager", samplesDir, file);
    alerts.forEach((alert, index) => {
      const payload = alert.payload as { alerts: unknown[]; groupKey: string };
      assert.equal(payload.alerts, [body.alerts[index]]);
      assert.is(payload.groupKey, body.groupKey);
    });
  });

  test("narrows PagerDuty v2 payload to its message", () => {
    const file = "pagerduty/v2-legacy-incident-trigger-messages.json";
    const body = JSON.parse(fs.readFileSync(`${samplesDir}/${file}`, "utf8"));
    const [alert] = parseFile("pagerduty", samplesDir, file);
    assert.equal(alert?.payload, { messages: [body.messages[0]] });
  });

  test("uses the fingerprints that Grafana and Alertmanager send", () => {
    const unified = parseFile(
      "grafana",
      samplesDir,
      "grafana/unified-firing-2-alerts-docs-example.json",
    );
    assert.equal(
      unified.map((alert) => alert.fingerprint),
      ["c6eadffa33fcdf37", "bc97ff14869b13e3"],
    );
    assert.is(
      unified[0]?.dedupKey,
      "c6eadffa33fcdf37@2021-10-12T07:51:03.157076Z",
    );
    const [zeroStart] = parseFile(
      "grafana",
      samplesDir,
      "grafana/unified-values-null-default-template.json",
    );
    assert.is(zeroStart?.dedupKey, "fac0861a85de433a@unset");
  });

  test("detects Grafana body formats", () => {
    const formats = [
      ["grafana/unified-v12-test-alert-relative-generatorurl.json", "unified"],
      ["grafana/legacy-alertmanager-style-oncall-demo.json", "alertmanager"],
      ["grafana/legacy-evalmatches-test-notification.json", "legacy"],
    ] as const;
    for (const [file, format] of formats) {
      const [alert] = parseFile("grafana", samplesDir, file);
      assert.is(alert?.format, format, file);
      assert.is(alert?.columns.format, format, file);
    }
  });

  test("fills Grafana columns from a v11 body", () => {
    const [alert] = parseFile(
      "grafana",
      samplesDir,
      "grafana/unified-firing-values-imageurl-tabs-v11.json",
    );
    assert.is(alert?.columns.receiver, "Debug webhook");
    assert.is(
      alert?.columns.image_url,
      "https://grafana.com/assets/img/blog/mixed_styles.png",
    );
    assert.equal(alert?.columns.metric_values, {
      A: 2473545728,
      B: 0,
      C: 1,
      minute: 9,
    });
    assert.is(alert?.columns.truncated_alerts, 0);
    assert.is(alert?.columns.grafana_org_id, 1);
    assert.equal(alert?.labels, {
      alertname: "Memory (copy)",
      debug: "true",
      grafana_folder: "device",
    });
  });

  test("maps Datadog warn and trigger to one row", () => {
    const [warn] = parseFile(
      "datadog",
      samplesDir,
      "datadog/log-alert-warn-p2.json",
    );
    const [triggered] = parseFile(
      "datadog",
      samplesDir,
      "datadog/log-alert-triggered-p2.json",
    );
    assert.is(warn?.dedupKey, "monitor:134462228/service:keep-api");
    assert.is(triggered?.dedupKey, warn?.dedupKey);
    assert.is(triggered?.columns.event_id, "7879719351243698466");
    assert.is(triggered?.columns.priority, "P2");
    assert.equal(triggered?.columns.tags, [
      "environment:production",
      "monitor",
      "service:keep-api",
    ]);
  });

  test("keeps PagerDuty note events statusless", () => {
    const [alert] = parseFile(
      "pagerduty",
      samplesDir,
      "pagerduty/v3-incident-annotated-note.json",
    );
    assert.is(alert?.dedupKey, "incident:Q3B15VLMF3ASBD");
    assert.is(alert?.columns.incident_status, null);
    assert.is(
      alert?.columns.note,
      "Running KILL on long-running queries from the reporting-service.",
    );
    assert.is(alert?.columns.event_type, "incident.annotated");
  });

  test("reads PagerDuty priority and number", () => {
    const [alert] = parseFile(
      "pagerduty",
      samplesDir,
      "pagerduty/v3-incident-priority-updated-docs.json",
    );
    assert.is(alert?.columns.priority, "P1");
    assert.is(alert?.columns.incident_number, 2);
    assert.is(alert?.columns.incident_key, "d3640fbd41094207a1c11e58e46b1662");
    assert.is(alert?.columns.occurred_at, "2020-10-02T18:45:22.169Z");
  });

  test("treats Dynatrace placeholders as absent", () => {
    const [alert] = parseFile(
      "dynatrace",
      samplesDir,
      "dynatrace/test-notification-unreplaced-placeholders.json",
    );
    assert.is(alert?.columns.pid, null);
    assert.equal(alert?.columns.tags, []);
    assert.is(alert?.columns.is_test_notification, true);
    assert.is(alert?.dedupKey, "problem:TESTID");
  });

  test("reads Dynatrace CloudEvent problems", () => {
    const [alert] = parseFile(
      "dynatrace",
      samplesDir,
      "dynatrace/resolved-cloudevent-keptn-custom-payload.json",
    );
    assert.is(alert?.format, "cloudevent");
    assert.is(alert?.columns.problem_id, "P-22013994");
    assert.is(alert?.columns.problem_severity, "AVAILABILITY");
    assert.is(alert?.columns.is_test_notification, false);
    assert.equal(alert?.columns.impacted_entity_ids, [
      "SYNTHETIC_TEST-7DA5E1111C898644",
    ]);
  });

  test("reads the Dynatrace URL key with a space", () => {
    const [alert] = parseFile(
      "dynatrace",
      samplesDir,
      "dynatrace/docs-example-open-problem-url-key-with-space.json",
    );
    assert.is(alert?.columns.problem_url, "https://example.com");
    assert.equal(alert?.columns.tags, ["testtag1", "testtag2"]);
  });

  test("keeps Splunk search_name as sent", () => {
    const nullName = parseFile(
      "splunk",
      samplesDir,
      "splunk/docs-example-null-search-name.json",
    );
    const missingName = parseFile(
      "splunk",
      samplesDir,
      "splunk/missing-search-name-key.json",
    );
    const named = parseFile(
      "splunk",
      samplesDir,
      "splunk/syslog-first-result-row.json",
    );
    assert.is(nullName[0]?.columns.search_name, null);
    assert.is(missingName[0]?.columns.search_name, null);
    assert.is(named[0]?.columns.search_name, "sudo");
    assert.is(missingName[0]?.fingerprint, named[0]?.fingerprint);
  });

  test("reads Netdata columns", () => {
    const [alert] = parseFile(
      "netdata",
      samplesDir,
      "netdata/alert-critical.json",
    );
    assert.is(alert?.columns.chart, "cgroup.immich_cpu");
    assert.equal(alert?.columns.rooms, ["Apps"]);
    assert.is(alert?.columns.duration, "10m 12s");
    assert.is(alert?.columns.additional_critical, 1);
    const [clear] = parseFile(
      "netdata",
      samplesDir,
      "netdata/alert-clear-empty-message.json",
    );
    assert.is(clear?.dedupKey, alert?.dedupKey);
  });

  test("reads Jenkins scm columns", () => {
    const [alert] = parseFile(
      "jenkins",
      samplesDir,
      "jenkins/notification-plugin-completed-success-artifacts.json",
    );
    assert.is(alert?.dedupKey, "build:job/asgard/#18");
    assert.is(alert?.columns.build_url, "http://localhost:8080/job/asgard/18/");
    assert.is(
      alert?.columns.commit,
      "c6d86dc654b12425e706bcf951adfe5a8627a517",
    );
    assert.is(
      alert?.columns.scm_url,
      "https://github.com/example-org/asgard.git",
    );
    assert.is(alert?.columns.branch, "origin/master");
  });
}

test.run();
