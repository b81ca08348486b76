/**
 * The project's own fixtures (test/fixtures/alerts), written in each
 * vendor's format. They tell one story on 2026-11-30: a failed CloudBees
 * deploy of `checkout` in production, a payments-db disk alert, Grafana,
 * Alertmanager, Datadog, PagerDuty and BigPanda alerts on checkout, and a
 * Splunk search and a Dynatrace problem on `recommendations`.
 */

import fs from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  INGEST_SOURCES,
  SOURCE_COLUMNS,
  type IngestSource,
} from "../../src/ingest/index.ts";
import {
  fixturesDir,
  listJsonFiles,
  parseFile,
  pickExpected,
  type ExpectedAlert,
} from "./helpers.ts";

interface FixtureExpectation {
  source: IngestSource;
  alerts: ExpectedAlert[];
}

const EXPECTED: Record<string, FixtureExpectation> = {
  "alertmanager/checkout-crashlooping-firing.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "KubePodCrashLooping",
        state: "firing",
        sourceState: "firing",
        severity: "medium",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:09:45.120443Z",
        endsAt: null,
      },
      {
        title: "KubePodCrashLooping",
        state: "firing",
        sourceState: "firing",
        severity: "medium",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:10:15.120443Z",
        endsAt: null,
      },
    ],
  },
  "alertmanager/checkout-crashlooping-resolved-no-fingerprint.json": {
    source: "alertmanager",
    alerts: [
      {
        title: "KubePodCrashLooping",
        state: "resolved",
        sourceState: "resolved",
        severity: "medium",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:09:45.120443Z",
        endsAt: "2026-11-30T09:44:45.120443Z",
      },
      {
        title: "KubePodCrashLooping",
        state: "resolved",
        sourceState: "resolved",
        severity: "medium",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:10:15.120443Z",
        endsAt: "2026-11-30T09:45:15.120443Z",
      },
    ],
  },
  "bigpanda/checkout-incident-active.json": {
    source: "bigpanda",
    alerts: [
      {
        title: "Checkout p99 latency above 2s",
        state: "firing",
        sourceState: "critical",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:08:00Z",
        endsAt: null,
      },
    ],
  },
  "bigpanda/checkout-incident-resolved.json": {
    source: "bigpanda",
    alerts: [
      {
        title: "Checkout p99 latency above 2s",
        state: "resolved",
        sourceState: "ok",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:08:00Z",
        endsAt: "2026-11-30T10:20:00Z",
      },
    ],
  },
  "cloudbees/checkout-deploy-failed.json": {
    source: "cloudbees",
    alerts: [
      {
        title: "Build checkout-deploy #87 failed",
        state: "firing",
        sourceState: "FAILURE",
        severity: "high",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:02:41Z",
        endsAt: null,
      },
    ],
  },
  "cloudbees/checkout-deploy-rollback-success.json": {
    source: "cloudbees",
    alerts: [
      {
        title: "Build checkout-deploy #88 succeeded",
        state: "resolved",
        sourceState: "SUCCESS",
        severity: "info",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:40:00Z",
        endsAt: "2026-11-30T09:42:31Z",
      },
    ],
  },
  "datadog/checkout-error-rate-recovered.json": {
    source: "datadog",
    alerts: [
      {
        title: "Checkout error rate above 5%",
        state: "resolved",
        sourceState: "Recovered",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: null,
        endsAt: "2026-11-30T10:05:30Z",
      },
    ],
  },
  "datadog/checkout-error-rate-triggered-p1.json": {
    source: "datadog",
    alerts: [
      {
        title: "Checkout error rate above 5%",
        state: "firing",
        sourceState: "Triggered",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:15:30Z",
        endsAt: null,
      },
    ],
  },
  "dynatrace/recommendations-response-time-open.json": {
    source: "dynatrace",
    alerts: [
      {
        title: "Response time degradation",
        state: "firing",
        sourceState: "OPEN",
        severity: "medium",
        service: "recommendations",
        environment: "production",
        startsAt: "2026-11-30T11:32:00Z",
        endsAt: null,
      },
    ],
  },
  "dynatrace/recommendations-response-time-resolved.json": {
    source: "dynatrace",
    alerts: [
      {
        title: "Response time degradation",
        state: "resolved",
        sourceState: "RESOLVED",
        severity: "medium",
        service: "recommendations",
        environment: "production",
        startsAt: "2026-11-30T11:32:00Z",
        endsAt: "2026-11-30T12:10:00Z",
      },
    ],
  },
  "grafana/checkout-high-latency-firing.json": {
    source: "grafana",
    alerts: [
      {
        title: "CheckoutHighLatency",
        state: "firing",
        sourceState: "firing",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:14:00Z",
        endsAt: null,
      },
    ],
  },
  "grafana/checkout-high-latency-resolved.json": {
    source: "grafana",
    alerts: [
      {
        title: "CheckoutHighLatency",
        state: "resolved",
        sourceState: "resolved",
        severity: "critical",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:14:00Z",
        endsAt: "2026-11-30T10:02:00Z",
      },
    ],
  },
  "grafana/legacy-payments-queue-ok.json": {
    source: "grafana",
    alerts: [
      {
        title: "Payments queue depth",
        state: "resolved",
        sourceState: "ok",
        severity: "medium",
        service: "payments-worker",
        environment: "production",
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "jenkins/checkout-build-finalized-success.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build checkout-build #311 succeeded",
        state: "resolved",
        sourceState: "SUCCESS",
        severity: "info",
        service: "checkout",
        environment: null,
        startsAt: "2026-11-30T08:50:12Z",
        endsAt: "2026-11-30T08:54:30Z",
      },
    ],
  },
  "jenkins/checkout-build-started.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build checkout-build #311 started",
        state: "resolved",
        sourceState: "STARTED",
        severity: "info",
        service: "checkout",
        environment: null,
        startsAt: "2026-11-30T08:50:12Z",
        endsAt: null,
      },
    ],
  },
  "jenkins/checkout-e2e-unstable.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build checkout-e2e-tests #57 is unstable",
        state: "firing",
        sourceState: "UNSTABLE",
        severity: "medium",
        service: "checkout",
        environment: "production",
        startsAt: "2026-11-30T09:14:00Z",
        endsAt: null,
      },
    ],
  },
  "jenkins/checkout-staging-deployment-event.json": {
    source: "jenkins",
    alerts: [
      {
        title: "Build checkout-deploy #141 succeeded",
        state: "resolved",
        sourceState: "SUCCESS",
        severity: "info",
        service: "checkout",
        environment: "staging",
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "netdata/payments-db-disk-clear.json": {
    source: "netdata",
    alerts: [
      {
        title: "disk_space_usage",
        state: "resolved",
        sourceState: "clear",
        severity: null,
        service: "payments-db",
        environment: null,
        startsAt: null,
        endsAt: "2026-11-30T10:20:00Z",
      },
    ],
  },
  "netdata/payments-db-disk-critical.json": {
    source: "netdata",
    alerts: [
      {
        title: "disk_space_usage",
        state: "firing",
        sourceState: "critical",
        severity: "critical",
        service: "payments-db",
        environment: null,
        startsAt: "2026-11-30T09:08:00Z",
        endsAt: null,
      },
    ],
  },
  "netdata/payments-db-unreachable.json": {
    source: "netdata",
    alerts: [
      {
        title: "payments-db-replica is unreachable",
        state: "firing",
        sourceState: "unreachable",
        severity: "critical",
        service: "payments-db-replica",
        environment: null,
        startsAt: null,
        endsAt: null,
      },
    ],
  },
  "pagerduty/checkout-incident-resolved-v3.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "Checkout API latency and error rate high in production",
        state: "resolved",
        sourceState: "resolved",
        severity: "critical",
        service: "checkout",
        environment: null,
        startsAt: "2026-11-30T09:16:10Z",
        endsAt: "2026-11-30T10:06:02.087Z",
      },
    ],
  },
  "pagerduty/checkout-incident-triggered-v3.json": {
    source: "pagerduty",
    alerts: [
      {
        title: "Checkout API latency and error rate high in production",
        state: "firing",
        sourceState: "triggered",
        severity: "critical",
        service: "checkout",
        environment: null,
        startsAt: "2026-11-30T09:16:10Z",
        endsAt: null,
      },
    ],
  },
  "splunk/recommendations-timeouts-search.json": {
    source: "splunk",
    alerts: [
      {
        title: "Recommendations timeouts",
        state: "firing",
        sourceState: "triggered",
        severity: null,
        service: "recommendations",
        environment: "production",
        startsAt: "2026-11-30T11:31:00Z",
        endsAt: null,
      },
    ],
  },
};

/** Fixture pairs that describe one occurrence, so they must share a dedup key. */
const SAME_OCCURRENCE: [IngestSource, string, string][] = [
  [
    "grafana",
    "grafana/checkout-high-latency-firing.json",
    "grafana/checkout-high-latency-resolved.json",
  ],
  [
    "alertmanager",
    "alertmanager/checkout-crashlooping-firing.json",
    "alertmanager/checkout-crashlooping-resolved-no-fingerprint.json",
  ],
  [
    "datadog",
    "datadog/checkout-error-rate-triggered-p1.json",
    "datadog/checkout-error-rate-recovered.json",
  ],
  [
    "pagerduty",
    "pagerduty/checkout-incident-triggered-v3.json",
    "pagerduty/checkout-incident-resolved-v3.json",
  ],
  [
    "netdata",
    "netdata/payments-db-disk-critical.json",
    "netdata/payments-db-disk-clear.json",
  ],
  [
    "dynatrace",
    "dynatrace/recommendations-response-time-open.json",
    "dynatrace/recommendations-response-time-resolved.json",
  ],
  [
    "bigpanda",
    "bigpanda/checkout-incident-active.json",
    "bigpanda/checkout-incident-resolved.json",
  ],
  [
    "jenkins",
    "jenkins/checkout-build-started.json",
    "jenkins/checkout-build-finalized-success.json",
  ],
];

test("every fixture file has an expectation", () => {
  assert.equal(listJsonFiles(fixturesDir), Object.keys(EXPECTED).sort());
});

test("every source has a fixture folder", () => {
  const folders = fs
    .readdirSync(fixturesDir)
    .filter((name) => fs.statSync(path.join(fixturesDir, name)).isDirectory())
    .sort();
  assert.equal(folders, [...INGEST_SOURCES].sort());
});

test("every source has firing and resolved fixtures", () => {
  for (const source of INGEST_SOURCES) {
    const states = new Set(
      Object.entries(EXPECTED)
        .filter(([, expected]) => expected.source === source)
        .flatMap(([, expected]) => expected.alerts.map((alert) => alert.state)),
    );
    assert.ok(states.has("firing"), `${source} firing`);
    // Splunk sends a webhook only when a search triggers, never a recovery.
    if (source !== "splunk")
      assert.ok(states.has("resolved"), `${source} resolved`);
  }
});

for (const [file, expected] of Object.entries(EXPECTED)) {
  test(`parses fixture ${file}`, () => {
    const alerts = parseFile(expected.source, fixturesDir, file);
    assert.is(alerts.length, expected.alerts.length, "alert count");
    alerts.forEach((alert, index) => {
      assert.equal(
        pickExpected(alert),
        expected.alerts[index],
        `alert ${index}`,
      );
      assert.equal(alert.payloadTransforms, [], `alert ${index} transforms`);
      assert.equal(
        Object.keys(alert.columns),
        Object.keys(SOURCE_COLUMNS[alert.source]),
        `alert ${index} columns`,
      );
    });
    const again = parseFile(expected.source, fixturesDir, file);
    assert.equal(
      again.map((alert) => alert.dedupKey),
      alerts.map((alert) => alert.dedupKey),
      "dedup keys stable",
    );
  });
}

for (const [source, firingFile, resolvedFile] of SAME_OCCURRENCE) {
  test(`shares the dedup key of ${firingFile}`, () => {
    const firing = parseFile(source, fixturesDir, firingFile);
    const resolved = parseFile(source, fixturesDir, resolvedFile);
    assert.equal(
      resolved.map((alert) => alert.dedupKey),
      firing.map((alert) => alert.dedupKey),
    );
    assert.equal(
      resolved.map((alert) => alert.fingerprint),
      firing.map((alert) => alert.fingerprint),
    );
  });
}

test("keeps separate builds apart", () => {
  const failed = parseFile(
    "cloudbees",
    fixturesDir,
    "cloudbees/checkout-deploy-failed.json",
  );
  const rollback = parseFile(
    "cloudbees",
    fixturesDir,
    "cloudbees/checkout-deploy-rollback-success.json",
  );
  assert.is.not(failed[0]?.dedupKey, rollback[0]?.dedupKey);
  assert.is(failed[0]?.fingerprint, rollback[0]?.fingerprint);
  assert.is(
    failed[0]?.columns.controller_url,
    "https://cbci.example.com/payments",
  );
});

test("recomputes the fingerprint that Alertmanager left out", () => {
  const [resolved] = parseFile(
    "alertmanager",
    fixturesDir,
    "alertmanager/checkout-crashlooping-resolved-no-fingerprint.json",
  );
  assert.is(resolved?.fingerprint, "0e66f6896127affc");
});

test("uses the Datadog alert cycle key", () => {
  const [triggered] = parseFile(
    "datadog",
    fixturesDir,
    "datadog/checkout-error-rate-triggered-p1.json",
  );
  assert.is(triggered?.dedupKey, "cycle:7912480033171245512");
  assert.is(triggered?.fingerprint, "48213377/env:production,service:checkout");
});

test("reads the Jenkins deployment event", () => {
  const [alert] = parseFile(
    "jenkins",
    fixturesDir,
    "jenkins/checkout-staging-deployment-event.json",
  );
  assert.is(alert?.format, "deployment");
  assert.is(alert?.dedupKey, "build:checkout-deploy#141");
  assert.is(alert?.columns.deployer, "release-bot");
  assert.is(alert?.columns.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  assert.is(alert?.columns.scm_url, "https://github.com/example-shop/checkout");
});

test("tells the checkout story in one morning", () => {
  const checkout = Object.entries(EXPECTED)
    .flatMap(([, expected]) => expected.alerts)
    .filter(
      (alert) => alert.service === "checkout" && alert.state === "firing",
    );
  const starts = checkout
    .map((alert) => alert.startsAt)
    .filter((startsAt): startsAt is string => startsAt !== null)
    .sort();
  assert.ok(starts.length >= 5, "firing checkout alerts with a start");
  assert.ok(starts[0]?.startsWith("2026-11-30T09:"), starts[0]);
  assert.ok(starts.at(-1)?.startsWith("2026-11-30T09:"), starts.at(-1));
});

test.run();
