/** Source rules on bodies built here, one rule per test. */

import { test } from "uvu";
import * as assert from "uvu/assert";
import { InputError, ValidationError } from "../../src/errors.ts";
import { labelSetFingerprint } from "../../src/ingest/identity.ts";
import {
  parseAlerts,
  type IngestSource,
  type NormalizedAlert,
} from "../../src/ingest/index.ts";
import { severityFromWord } from "../../src/ingest/severity.ts";
import { controllerFromBuildUrl } from "../../src/ingest/sources/cloudbees.ts";
import { searchNameFromSid } from "../../src/ingest/sources/splunk.ts";
import { thrownBy } from "./helpers.ts";

const FILE = "inline.json";

function parse(source: IngestSource, body: unknown): NormalizedAlert[] {
  return parseAlerts(source, Buffer.from(JSON.stringify(body)), FILE).alerts;
}

function parseOne(source: IngestSource, body: unknown): NormalizedAlert {
  const alerts = parse(source, body);
  assert.is(alerts.length, 1);
  return alerts[0] as NormalizedAlert;
}

function validationError(source: IngestSource, body: unknown): ValidationError {
  return thrownBy(() => parse(source, body), ValidationError);
}

function amAlert(name: string, extra: Record<string, unknown> = {}) {
  return {
    status: "firing",
    labels: { alertname: name, instance: `${name}-1` },
    annotations: { summary: `${name} summary` },
    startsAt: "2026-11-30T09:00:00Z",
    endsAt: "0001-01-01T00:00:00Z",
    ...extra,
  };
}

function amBody(alerts: unknown[], extra: Record<string, unknown> = {}) {
  return {
    receiver: "aurora",
    status: "firing",
    alerts,
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    version: "4",
    groupKey: "{}:{}",
    ...extra,
  };
}

test("computes Alertmanager label fingerprints", () => {
  assert.is(labelSetFingerprint({}), "cbf29ce484222325");
  const labels = { alertname: "A", instance: "A-1" };
  const [alert] = parse("alertmanager", amBody([amAlert("A")]));
  assert.is(alert?.fingerprint, labelSetFingerprint(labels));
  assert.is(
    alert?.dedupKey,
    `${labelSetFingerprint(labels)}@2026-11-30T09:00:00Z`,
  );
});

test("orders label names by UTF-8 bytes", () => {
  const forward = labelSetFingerprint({ b: "1", a: "2", é: "3" });
  const backward = labelSetFingerprint({ é: "3", a: "2", b: "1" });
  assert.is(forward, backward);
});

test("flags only the grouped alert that held a NUL", () => {
  const alerts = [
    amAlert("A"),
    amAlert("B", { annotations: { description: "disk\u0000full" } }),
    amAlert("C"),
  ];
  const parsed = parse("alertmanager", amBody(alerts));
  assert.equal(
    parsed.map((alert) => alert.payloadTransforms),
    [[], ["nul_replaced"], []],
  );
  assert.is(parsed[1]?.description, "disk\uFFFDfull");
});

test("flags every grouped alert for an envelope NUL", () => {
  const body = amBody([amAlert("A"), amAlert("B")], {
    receiver: "team\u0000a",
  });
  const parsed = parse("alertmanager", body);
  assert.equal(
    parsed.map((alert) => alert.payloadTransforms),
    [["nul_replaced"], ["nul_replaced"]],
  );
  assert.is(parsed[0]?.columns.receiver, "team\uFFFDa");
});

test("flags lone surrogates in text fields", () => {
  const raw =
    '{"State":"OPEN","ProblemID":"P-1","PID":"1","ProblemTitle":"CPU \\ud800 saturation"}';
  const [alert] = parseAlerts("dynatrace", Buffer.from(raw), FILE).alerts;
  assert.is(alert?.title, "CPU \uFFFD saturation");
  assert.equal(alert?.payloadTransforms, ["lone_surrogate_replaced"]);
});

test("flags imprecise numbers in the payload", () => {
  const raw =
    '{"title":"[Triggered] X","monitor_id":1,"id":7879702138782271851,"date":1733929712000}';
  const [alert] = parseAlerts("datadog", Buffer.from(raw), FILE).alerts;
  assert.equal(alert?.payloadTransforms, ["imprecise_number"]);
  assert.is(alert?.columns.event_id, "7879702138782271000");
});

test("names the alert index of an impossible date", () => {
  const alerts = [
    amAlert("A"),
    amAlert("B"),
    amAlert("C"),
    amAlert("D", { startsAt: "2026-11-31T09:00:00Z" }),
  ];
  const error = validationError("alertmanager", amBody(alerts));
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alerts/3/startsAt"],
  );
  assert.match(
    error.message,
    /^inline\.json: \/alerts\/3\/startsAt: invalid time/,
  );
});

test("rejects a body without alerts", () => {
  const error = validationError("alertmanager", {
    receiver: "x",
    status: "firing",
  });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alerts"],
  );
  const empty = validationError("alertmanager", amBody([]));
  assert.match(empty.message, /contains no alerts/);
});

test("rejects an alert that is no object", () => {
  const error = validationError("alertmanager", amBody([amAlert("A"), "oops"]));
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alerts/1"],
  );
});

test("rejects labels that are no strings", () => {
  const error = validationError(
    "alertmanager",
    amBody([amAlert("A", { labels: { alertname: "A", nested: { x: 1 } } })]),
  );
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alerts/0/labels/nested"],
  );
});

test("rejects an unknown source", () => {
  const error = thrownBy(
    () => parseAlerts("nagios" as IngestSource, Buffer.from("{}"), FILE),
    InputError,
  );
  assert.match(error.message, /unknown alert source "nagios"/);
});

test("truncates a long title with a flag", () => {
  const title = "x".repeat(1500);
  const alert = parseOne("alertmanager", amBody([amAlert(title)]));
  assert.is(alert.title.length, 1000);
  assert.ok(alert.title.endsWith("\u2026"));
  assert.equal(alert.payloadTransforms, ["title_truncated"]);
  assert.is(
    alert.labels.alertname,
    title,
    "labels up to 4096 characters stay whole",
  );
});

test("truncates long label values with a flag", () => {
  const value = "v".repeat(5000);
  const alert = parseOne(
    "alertmanager",
    amBody([amAlert("A", { labels: { alertname: "A", big: value } })]),
  );
  assert.is(alert.labels.big?.length, 4096);
  assert.equal(alert.payloadTransforms, ["label_truncated"]);
});

test("keeps the group status for alerts without one", () => {
  const body = amBody([{ ...amAlert("A"), status: undefined }], {
    status: "resolved",
  });
  const alert = parseOne("alertmanager", body);
  assert.is(alert.state, "resolved");
  assert.is(alert.sourceState, "resolved");
});

test("ignores endsAt of firing alerts", () => {
  const alert = parseOne(
    "alertmanager",
    amBody([amAlert("A", { endsAt: "2026-11-30T09:30:00Z" })]),
  );
  assert.is(alert.endsAt, null);
});

test("reads service and environment labels in order", () => {
  const alert = parseOne(
    "alertmanager",
    amBody([
      amAlert("A", {
        labels: {
          alertname: "A",
          job: "node",
          app: "cart",
          namespace: "prod-eu",
          env: "prod",
        },
      }),
    ]),
  );
  assert.is(alert.service, "cart");
  assert.is(alert.environment, "prod");
});

test("maps legacy Grafana states", () => {
  const states = [
    ["alerting", "firing"],
    ["no_data", "firing"],
    ["pending", "firing"],
    ["ok", "resolved"],
    ["paused", "resolved"],
  ] as const;
  for (const [word, state] of states) {
    const alert = parseOne("grafana", {
      evalMatches: [],
      ruleId: 7,
      ruleName: "Disk",
      state: word,
      title: `[${word}] Disk`,
    });
    assert.is(alert.state, state, word);
    assert.is(alert.sourceState, word);
    assert.is(alert.format, "legacy");
  }
});

test("rejects a Grafana body of no known format", () => {
  const error = validationError("grafana", { hello: "world" });
  assert.match(error.message, /expected an `alerts` array/);
});

test("reads Datadog state from the title prefix", () => {
  const alert = parseOne("datadog", {
    title: "[P3] [Re-Triggered on {host:web-1}] Disk almost full",
    monitor_id: "99",
    scope: "host:web-1",
  });
  assert.is(alert.sourceState, "Re-Triggered");
  assert.is(alert.state, "firing");
  assert.is(alert.title, "Disk almost full");
  assert.is(alert.severity, "medium");
  assert.is(alert.columns.priority, "P3");
});

test("keeps other Datadog title brackets", () => {
  const alert = parseOne("datadog", {
    title: "[Staging] Disk almost full",
    alert_type: "warning",
    monitor_id: "99",
  });
  assert.is(alert.title, "[Staging] Disk almost full");
  assert.is(alert.sourceState, "warning");
  assert.is(alert.severity, "medium");
});

test("sorts Datadog scope tags", () => {
  const first = parseOne("datadog", {
    title: "[Triggered] X",
    monitor_id: "1",
    scopes: "service:a,env:prod",
  });
  const second = parseOne("datadog", {
    title: "[Recovered] X",
    monitor_id: "1",
    scopes: "env:prod, service:a",
  });
  assert.is(first.dedupKey, "monitor:1/env:prod,service:a");
  assert.is(second.dedupKey, first.dedupKey);
  assert.is(second.state, "resolved");
});

test("maps Datadog alert types without a priority", () => {
  const types = [
    ["error", "high"],
    ["warning", "medium"],
    ["info", "info"],
    ["success", null],
  ] as const;
  for (const [alertType, severity] of types) {
    const alert = parseOne("datadog", {
      title: "X",
      id: "1",
      alert_type: alertType,
    });
    assert.is(alert.severity, severity, alertType);
  }
});

test("uses the Datadog event id without a monitor", () => {
  const alert = parseOne("datadog", { title: "Deploy finished", id: "123" });
  assert.is(alert.dedupKey, "event:123");
  assert.is(alert.fingerprint.length, 64);
});

test("reads PagerDuty v1 messages", () => {
  const alerts = parse("pagerduty", {
    messages: [
      {
        type: "incident.resolve",
        id: "m1",
        created_on: "2014-05-28T20:18:03Z",
        data: {
          incident: {
            id: "PIJ90N7",
            incident_number: 1,
            status: "resolved",
            service: { id: "PBAZLIU", name: "service" },
          },
        },
      },
    ],
  });
  assert.is(alerts[0]?.format, "v1");
  assert.is(alerts[0]?.state, "resolved");
  assert.is(alerts[0]?.sourceState, "resolve");
  assert.is(alerts[0]?.endsAt, "2014-05-28T20:18:03Z");
  assert.is(alerts[0]?.service, "service");
});

test("flags only the PagerDuty message with a NUL", () => {
  const message = (id: string, title: string) => ({
    event: "incident.trigger",
    id,
    incident: { id, title, status: "triggered", urgency: "low" },
  });
  const alerts = parse("pagerduty", {
    messages: [message("P1", "ok"), message("P2", "bad\u0000")],
  });
  assert.equal(
    alerts.map((alert) => alert.payloadTransforms),
    [[], ["nul_replaced"]],
  );
  assert.is(alerts[0]?.severity, "low");
});

test("rejects a PagerDuty event without type", () => {
  const error = validationError("pagerduty", { event: { data: {} } });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/event/event_type"],
  );
});

test("maps Netdata reachability", () => {
  const alert = parseOne("netdata", {
    message: "db-1 is reachable again",
    host: "db-1",
    severity: "info",
    status: { reachable: true, text: "reachable" },
  });
  assert.is(alert.state, "resolved");
  assert.is(alert.format, "reachability");
  assert.is(alert.severity, "info");
  assert.is(alert.title, "db-1 is reachable");
});

test("rejects a Netdata alert without a name", () => {
  const error = validationError("netdata", { severity: "critical" });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/alert"],
  );
});

test("reads the older Netdata field names", () => {
  const alert = parseOne("netdata", {
    alarm: "ram_in_use",
    severity: "warning",
    chart: "system.ram",
    critical_count: 2,
    warning_count: 1,
    alarm_url: "https://app.netdata.cloud/x",
  });
  assert.is(alert.title, "ram_in_use");
  assert.is(alert.severity, "medium");
  assert.is(alert.columns.additional_critical, 2);
  assert.is(alert.columns.alert_url, "https://app.netdata.cloud/x");
});

test("reads saved search names from sids", () => {
  assert.is(
    searchNameFromSid("rt_scheduler__admin__search__sudo_at_1483557185_2.2"),
    "sudo",
  );
  assert.is(
    searchNameFromSid("scheduler__nobody__search__RMD5e461de2e9b0e8e45_at_1_2"),
    null,
  );
  assert.is(searchNameFromSid("1483557185.123"), null);
  assert.is(searchNameFromSid(null), null);
});

test("rejects a Splunk body without sid or name", () => {
  const error = validationError("splunk", { result: { count: "1" } });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/sid"],
  );
});

test("maps Dynatrace states and levels", () => {
  const cases = [
    ["OPEN", "ERROR", "firing", "high"],
    ["MERGED", "RESOURCE_CONTENTION", "resolved", "medium"],
    ["CLOSED", "MONITORING_UNAVAILABLE", "resolved", "low"],
    ["RESOLVED", "INFO", "resolved", "info"],
    ["OPEN", "CUSTOM_ALERT", "firing", "medium"],
  ] as const;
  for (const [stateWord, level, state, severity] of cases) {
    const alert = parseOne("dynatrace", {
      State: stateWord,
      PID: "1",
      ProblemTitle: "X",
      ProblemSeverity: level,
    });
    assert.is(alert.state, state, stateWord);
    assert.is(alert.severity, severity, level);
  }
});

test("rejects a Dynatrace body without State", () => {
  const error = validationError("dynatrace", {
    PID: "{PID}",
    State: "{State}",
  });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/State"],
  );
});

test("reads BigPanda incidents under incident", () => {
  const alert = parseOne("bigpanda", {
    incident: {
      id: "abc",
      status: "warning",
      severity: "warning",
      alerts: [
        {
          status: "warning",
          primary_property: "host",
          secondary_property: "check",
          host: "web-7",
          check: "disk",
          source_system: "nagios.main",
          start: 1796030040,
        },
      ],
    },
  });
  assert.is(alert.title, "web-7: disk");
  assert.is(alert.service, "web-7");
  assert.is(alert.state, "firing");
  assert.is(alert.severity, "medium");
  assert.is(alert.startsAt, "2026-11-30T09:14:00Z");
  assert.is(alert.description, "nagios.main: alert (warning)");
});

test("falls back to the BigPanda incident id", () => {
  const alert = parseOne("bigpanda", { id: "abc", status: "ok" });
  assert.is(alert.title, "BigPanda incident abc");
  assert.is(alert.state, "resolved");
  assert.is(alert.severity, null);
  assert.is(alert.columns.child_alert_count, 0);
});

function jenkinsBody(phase: string, status?: string, number = 5) {
  return {
    name: "deploy",
    url: "job/deploy/",
    build: {
      number,
      phase,
      status,
      full_url: `https://ci.example.com/job/deploy/${number}/`,
    },
  };
}

test("maps Jenkins phases and statuses", () => {
  const cases = [
    ["QUEUED", undefined, "resolved", "QUEUED", "info"],
    ["STARTED", "FAILED", "resolved", "STARTED", "info"],
    ["COMPLETED", "SUCCESS", "resolved", "SUCCESS", "info"],
    ["COMPLETED", "FAILURE", "firing", "FAILURE", "high"],
    ["FINALIZED", "UNSTABLE", "firing", "UNSTABLE", "medium"],
    ["FINALIZED", "ABORTED", "firing", "ABORTED", "low"],
    ["COMPLETED", "NOT_BUILT", "firing", "NOT_BUILT", "low"],
    ["COMPLETED", "WEIRD", "firing", "WEIRD", null],
  ] as const;
  for (const [phase, status, state, sourceState, severity] of cases) {
    const alert = parseOne("jenkins", jenkinsBody(phase, status));
    assert.is(alert.state, state, `${phase} ${status}`);
    assert.is(alert.sourceState, sourceState, `${phase} ${status}`);
    assert.is(alert.severity, severity, `${phase} ${status}`);
    assert.is(alert.dedupKey, "build:job/deploy/#5");
  }
});

test("titles Jenkins builds by outcome", () => {
  assert.is(
    parseOne("jenkins", jenkinsBody("COMPLETED", "FAILURE")).title,
    "Build deploy #5 failed",
  );
  assert.is(
    parseOne("jenkins", jenkinsBody("QUEUED")).title,
    "Build deploy #5 is queued",
  );
});

test("uses the Jenkins queue id without a number", () => {
  const alert = parseOne("jenkins", {
    name: "deploy",
    url: "job/deploy/",
    build: { queue_id: 77, phase: "QUEUED" },
  });
  assert.is(alert.dedupKey, "queue:job/deploy/#77");
});

test("rejects a Jenkins build without number or queue id", () => {
  const error = validationError("jenkins", {
    name: "deploy",
    build: { phase: "STARTED" },
  });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/build/number"],
  );
});

test("rejects a Jenkins body of no known format", () => {
  const error = validationError("jenkins", { name: "deploy" });
  assert.equal(
    error.issues.map((issue) => issue.path),
    ["/build"],
  );
});

test("reads CloudBees controllers from build URLs", () => {
  assert.equal(
    controllerFromBuildUrl("https://cbci.example.com/payments/job/a/job/b/3/"),
    { url: "https://cbci.example.com/payments", name: "payments" },
  );
  assert.equal(controllerFromBuildUrl("https://ci.example.com/job/a/3/"), {
    url: "https://ci.example.com",
    name: "ci.example.com",
  });
  assert.equal(
    controllerFromBuildUrl("https://user:token@ci.example.com/x/job/a/1/"),
    { url: "https://ci.example.com/x", name: "x" },
  );
  assert.is(controllerFromBuildUrl("job/a/3/"), null);
  assert.is(controllerFromBuildUrl(null), null);
});

test("separates CloudBees controllers", () => {
  const onPayments = parseOne("cloudbees", {
    name: "deploy",
    url: "job/deploy/",
    build: {
      number: 5,
      phase: "COMPLETED",
      status: "FAILURE",
      full_url: "https://cbci.example.com/payments/job/deploy/5/",
    },
  });
  const onSearch = parseOne("cloudbees", {
    name: "deploy",
    url: "job/deploy/",
    build: {
      number: 5,
      phase: "COMPLETED",
      status: "FAILURE",
      full_url: "https://cbci.example.com/search/job/deploy/5/",
    },
  });
  assert.is(onPayments.source, "cloudbees");
  assert.is(
    onPayments.dedupKey,
    "build:https://cbci.example.com/payments/job/deploy/#5",
  );
  assert.is.not(onSearch.dedupKey, onPayments.dedupKey);
  assert.is.not(onSearch.fingerprint, onPayments.fingerprint);
  assert.is(onSearch.columns.controller_name, "search");
});

test("maps severity words", () => {
  const words = [
    ["CRITICAL", "critical"],
    ["page", "critical"],
    ["P1", "critical"],
    ["major", "high"],
    ["error", "high"],
    ["warning", "medium"],
    ["minor", "low"],
    ["informational", "info"],
    ["clear", null],
    ["ok", null],
    ["4", null],
  ] as const;
  for (const [word, severity] of words) {
    assert.is(severityFromWord(word), severity, word);
  }
  assert.is(severityFromWord(null), null);
});

test.run();
